import type { Edition } from './edition';

/** Days before the V2 limit from which an account counts as "nearing" it (10 of 14 in the national edition). */
export const NEARING_MARGIN_DAYS = 4;

export type FreshnessThresholds = {
  /** No countable item for this many days is the V2 veto (内容不更新). */
  staleDays: number;
  /** From this many days without an item an account is nearing the limit (alerts, overview). */
  nearingDays: number;
};

/** The V2 window of an edition as the dashboard's and alerts' thresholds, so they never disagree with scoring. */
export function freshnessThresholds(edition: Edition): FreshnessThresholds {
  const staleDays = edition.veto.V2.windowDays;
  return { staleDays, nearingDays: Math.max(1, staleDays - NEARING_MARGIN_DAYS) };
}
