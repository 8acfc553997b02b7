export type BreakerState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export type BreakerOptions = {
  /** Consecutive retryable failures that open the circuit. */
  failureThreshold: number;
  /** Time the circuit stays open before one trial request is let through. */
  coolDownMs: number;
  now: () => number;
};

export const DEFAULT_BREAKER = { failureThreshold: 5, coolDownMs: 5 * 60_000 };

/**
 * Per-platform circuit breaker. While open, requests fail fast with CIRCUIT_OPEN instead of hitting
 * a platform that is rate-limiting or down; after the cool-down a single trial decides.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(private readonly options: BreakerOptions) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'CLOSED';
    return this.options.now() - this.openedAt >= this.options.coolDownMs ? 'HALF_OPEN' : 'OPEN';
  }

  /** Whether a request may go out now; in HALF_OPEN only one trial at a time. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'CLOSED') return true;
    if (state === 'OPEN' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  /** The upstream answered (even with 404 or a parse error): it is reachable. */
  recordSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  /** The attempt ended without reaching the upstream (refused locally): no verdict either way. */
  releaseTrial(): void {
    this.trialInFlight = false;
  }

  recordFailure(): void {
    this.trialInFlight = false;
    if (this.openedAt !== null) {
      this.openedAt = this.options.now();
      return;
    }
    this.failures += 1;
    if (this.failures >= this.options.failureThreshold) this.openedAt = this.options.now();
  }

  /** Milliseconds until the next trial is allowed; 0 when closed or half-open. */
  retryInMs(): number {
    if (this.openedAt === null) return 0;
    return Math.max(0, this.openedAt + this.options.coolDownMs - this.options.now());
  }
}
