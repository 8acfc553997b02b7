import { z } from 'zod';

// Mirrors the Prisma AlertKind enum; tests/unit/schemas/alert.test.ts keeps them equal.
export const ALERT_KINDS = ['NEARING_STALE', 'STALE', 'CRAWL_FAILING', 'VETO_SUSPECTED', 'RECTIFICATION_OVERDUE'] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** Lenient like every list filter: a bad value falls back to its default. */
export const alertFilterSchema = z.object({
  kind: z.enum([...ALERT_KINDS, 'ALL']).catch('ALL'),
  acknowledged: z.enum(['0', '1']).catch('0').transform((v) => v === '1'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AlertFilter = z.infer<typeof alertFilterSchema>;

/** The search string of an alert list URL; defaults are left out so links stay short. */
export function alertSearchParams(filter: Partial<AlertFilter>): string {
  const params = new URLSearchParams();
  if (filter.kind && filter.kind !== 'ALL') params.set('kind', filter.kind);
  if (filter.acknowledged) params.set('acknowledged', '1');
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  return params.toString();
}

export const acknowledgeAlertsInputSchema = z.object({ ids: z.array(z.uuid()).min(1).max(200) });
export type AcknowledgeAlertsInput = z.infer<typeof acknowledgeAlertsInputSchema>;

const quietDetails = z.object({ lastPostAt: z.string(), daysSince: z.number() });
const overdueItem = z.object({ rectificationId: z.string(), findingId: z.string(), indicatorCode: z.string(), ruleId: z.string(), deadline: z.string() });

/** What each kind stores in `alert.details`, as written by lib/services/raise-alerts.ts. */
export const alertDetailsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NEARING_STALE'), ...quietDetails.shape }),
  z.object({ kind: z.literal('STALE'), ...quietDetails.shape }),
  z.object({ kind: z.literal('CRAWL_FAILING'), days: z.array(z.string()), errorKinds: z.array(z.string()) }),
  z.object({ kind: z.literal('VETO_SUSPECTED'), inspectionId: z.string(), inspectionName: z.string(), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('RECTIFICATION_OVERDUE'), rectifications: z.array(overdueItem).min(1) }),
]);
export type AlertDetails = z.infer<typeof alertDetailsSchema>;

export type AlertItemDto = {
  id: string;
  kind: AlertKind;
  accountId: string;
  accountName: string;
  platformCode: string;
  agencyName: string;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgedByName: string | null;
  /** null when the stored details do not match the kind's shape (then only the kind is shown). */
  details: AlertDetails | null;
};
