import { z } from 'zod';
import { text } from './text';

// Mirrors the Prisma AlertKind enum; tests/unit/schemas/alert.test.ts keeps them equal.
export const ALERT_KINDS = [
  'NEARING_STALE',
  'STALE',
  'CRAWL_FAILING',
  'VETO_SUSPECTED',
  'RECTIFICATION_OVERDUE',
  'PARSER_DRIFT',
] as const;
export const alertKindSchema = z.enum(ALERT_KINDS);
export type AlertKind = z.infer<typeof alertKindSchema>;

/** Lenient like every list filter: a bad value falls back to its default. */
export const alertFilterSchema = z.object({
  kind: z.enum([...ALERT_KINDS, 'ALL']).catch('ALL'),
  acknowledged: z
    .enum(['0', '1'])
    .catch('0')
    .transform((v) => v === '1'),
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

// limitDays: the V2 window in force when raised; alerts raised before it was stored used the national 14 days.
const quietDetails = z.object({
  lastPostAt: text(),
  daysSince: z.number(),
  limitDays: z.number().int().min(1).default(14),
});
const overdueItem = z.object({
  rectificationId: text(),
  findingId: text(),
  indicatorCode: text(),
  ruleId: text(),
  deadline: text(),
});

/** What each kind stores in `alert.details`, as written by lib/services/raise-alerts.ts. */
export const alertDetailsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('NEARING_STALE'), ...quietDetails.shape }),
  z.object({ kind: z.literal('STALE'), ...quietDetails.shape }),
  z.object({ kind: z.literal('CRAWL_FAILING'), days: z.array(text()), errorKinds: z.array(text()) }),
  z.object({ kind: z.literal('VETO_SUSPECTED'), inspectionId: text(), inspectionName: text(), codes: z.array(text()) }),
  z.object({ kind: z.literal('RECTIFICATION_OVERDUE'), rectifications: z.array(overdueItem).min(1) }),
  // Raised on the account whose crawl held the sample answer; the endpoint is what is broken, not the account.
  z.object({
    kind: z.literal('PARSER_DRIFT'),
    platform: text(),
    endpoint: text(),
    windowHours: z.number().int(),
    threshold: z.number().int(),
    droppedItems: z.number().int(),
    parseFailures: z.number().int(),
    requests: z.number().int(),
    sampleRawHash: text(),
  }),
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
