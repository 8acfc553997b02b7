import { z } from 'zod';
import { FINDING_STATUSES } from './enums';
import { findingCursorSchema } from './finding-cursor';

/**
 * Filters are lenient (a bad value falls back to its default), cursors are not: a tampered cursor is an error.
 * Pages are served by keyset: `after`/`before` hold the sort key of the row next to the wanted page, so page 200
 * costs what page 1 costs. `page` is only the number shown, carried along with the cursor; without one it is 1.
 */
export const findingFilterSchema = z
  .object({
    status: z.enum([...FINDING_STATUSES, 'ALL']).catch('SUSPECTED'),
    indicator: z.string().regex(/^[A-Z]\d+(\.\d+)?$/).optional().catch(undefined),
    inspectionId: z.uuid().optional().catch(undefined),
    agencyId: z.uuid().optional().catch(undefined),
    accountId: z.uuid().optional().catch(undefined),
    after: findingCursorSchema.optional(),
    before: findingCursorSchema.optional(),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .refine((f) => !(f.after && f.before), { path: ['before'], message: 'Give either after or before, not both' });
export type FindingFilter = z.infer<typeof findingFilterSchema>;

export const reviewFindingsInputSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(200),
    decision: z.enum(['CONFIRMED', 'DISMISSED']),
    reason: z.string().trim().max(500).default(''),
  })
  .refine((v) => v.decision !== 'DISMISSED' || v.reason.length >= 2, { path: ['reason'], message: 'A reason is required to dismiss' });
export type ReviewFindingsInput = z.infer<typeof reviewFindingsInputSchema>;

export const findingListItemSchema = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  ruleId: z.string(),
  status: z.enum(FINDING_STATUSES),
  points: z.number(),
  isVeto: z.boolean(),
  accountId: z.string(),
  accountName: z.string(),
  platformCode: z.string(),
  agencyName: z.string(),
  inspectionId: z.string(),
  monitoringAt: z.string(),
  sourceType: z.string(),
  sourceUrl: z.string().nullable(),
  sourcePublishedAt: z.string().nullable(),
  excerpt: z.string().nullable(),
  spanStart: z.number().nullable(),
  spanEnd: z.number().nullable(),
  matchedText: z.string().nullable(),
  reviewReason: z.string().nullable(),
});
export type FindingListItem = z.infer<typeof findingListItemSchema>;

export const findingsPageSchema = z.object({
  items: z.array(findingListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Cursors of the neighbouring pages, null at either end. */
  nextCursor: z.string().nullable(),
  prevCursor: z.string().nullable(),
});
export type FindingsPage = z.infer<typeof findingsPageSchema>;
