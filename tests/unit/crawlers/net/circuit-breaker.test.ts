import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '@/crawlers/net/circuit-breaker';

function breaker() {
  const clock = { t: 0 };
  return { clock, breaker: new CircuitBreaker({ failureThreshold: 3, coolDownMs: 1000, now: () => clock.t }) };
}

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and refuses until the cool-down ends', () => {
    const { clock, breaker: b } = breaker();
    b.recordFailure();
    b.recordFailure();
    expect(b.state).toBe('CLOSED');
    b.recordFailure();
    expect(b.state).toBe('OPEN');
    expect(b.tryAcquire()).toBe(false);
    clock.t = 999;
    expect(b.retryInMs()).toBe(1);
    expect(b.tryAcquire()).toBe(false);
  });

  it('a success resets the consecutive count', () => {
    const { breaker: b } = breaker();
    b.recordFailure();
    b.recordFailure();
    b.recordSuccess();
    b.recordFailure();
    b.recordFailure();
    expect(b.state).toBe('CLOSED');
  });

  it('half-opens after the cool-down with a single trial that closes or re-opens it', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i += 1) b.recordFailure();
    clock.t = 1000;
    expect(b.state).toBe('HALF_OPEN');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false);
    b.recordFailure();
    expect(b.state).toBe('OPEN');
    clock.t = 2000;
    expect(b.tryAcquire()).toBe(true);
    b.recordSuccess();
    expect(b.state).toBe('CLOSED');
    expect(b.tryAcquire()).toBe(true);
  });

  it('releasing a trial without a verdict lets the next trial through', () => {
    const { clock, breaker: b } = breaker();
    for (let i = 0; i < 3; i += 1) b.recordFailure();
    clock.t = 1000;
    expect(b.tryAcquire()).toBe(true);
    b.releaseTrial();
    expect(b.state).toBe('HALF_OPEN');
    expect(b.tryAcquire()).toBe(true);
  });
});
