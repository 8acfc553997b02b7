export type HostPolicy = {
  maxConcurrency: number;
  /** Minimum gap between two request starts to the same host. */
  minDelayMs: number;
  /** Extra random delay, as a fraction of minDelayMs (0.5 → up to +50 %). */
  jitter: number;
};

export const DEFAULT_HOST_POLICY: HostPolicy = { maxConcurrency: 2, minDelayMs: 1000, jitter: 0.5 };

type Slot = { active: number; nextStartAt: number; queue: (() => void)[] };

/** Per-host concurrency limit plus a jittered minimum gap between request starts. */
export class HostScheduler {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly policyFor: (host: string) => HostPolicy,
    private readonly clock: { now: () => number; sleep: (ms: number) => Promise<void>; random: () => number },
  ) {}

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const slot = this.slotFor(host);
    await this.acquire(host, slot);
    try {
      return await task();
    } finally {
      slot.active -= 1;
      slot.queue.shift()?.();
    }
  }

  private slotFor(host: string): Slot {
    let slot = this.slots.get(host);
    if (!slot) {
      slot = { active: 0, nextStartAt: 0, queue: [] };
      this.slots.set(host, slot);
    }
    return slot;
  }

  private async acquire(host: string, slot: Slot): Promise<void> {
    const policy = this.policyFor(host);
    while (slot.active >= policy.maxConcurrency) await new Promise<void>((resolve) => slot.queue.push(resolve));
    slot.active += 1;
    const now = this.clock.now();
    const startAt = Math.max(now, slot.nextStartAt);
    const gap = policy.minDelayMs * (1 + policy.jitter * this.clock.random());
    slot.nextStartAt = startAt + gap;
    if (startAt > now) await this.clock.sleep(startAt - now);
  }
}
