import type { SandboxFailure } from './scenario';
import { DAY_MS, SHANGHAI_OFFSET_MS } from '@/lib/time';

export type FailureQuery = {
  platforms: readonly string[];
  handle: string | null;
  routeId: string;
  now: Date;
  epoch: Date;
};

/** Day index of `now` relative to the scenario epoch (day 0 = the epoch's UTC+8 calendar day). */
export function sandboxDayIndex(now: Date, epoch: Date): number {
  const shift = SHANGHAI_OFFSET_MS;
  return Math.floor((now.getTime() + shift) / DAY_MS) - Math.floor((epoch.getTime() + shift) / DAY_MS);
}

/** Picks the failures that apply to one request, consuming `times` budgets as it goes. */
export class FailurePlan {
  private readonly used = new Map<SandboxFailure, number>();

  constructor(private readonly failures: readonly SandboxFailure[]) {}

  match(query: FailureQuery): SandboxFailure[] {
    const day = sandboxDayIndex(query.now, query.epoch);
    const hits = this.failures.filter(
      (f) =>
        (!f.platform || query.platforms.includes(f.platform)) &&
        (!f.handle || f.handle === query.handle) &&
        (!f.route || f.route === query.routeId) &&
        (!f.days || (day >= f.days[0] && day <= f.days[1])) &&
        (f.times === undefined || (this.used.get(f) ?? 0) < f.times),
    );
    for (const f of hits) this.used.set(f, (this.used.get(f) ?? 0) + 1);
    return hits;
  }
}
