import { z } from 'zod';
import { text } from './text';
import { beijingDaySchema } from './day';
import { FINDING_STATUSES, platformCodeSchema } from './enums';
import { findingCursorSchema } from './finding-cursor';

/**
 * Filters are lenient (a bad value falls back to its default), cursors are not: a tampered cursor is an error.
 * Pages are served by keyset: `after`/`before` hold the sort key of the row next to the wanted page, so page 200
 * costs what page 1 costs. `page` is only the number shown, carried along with the cursor; without one it is 1.
 */
export const findingFilterSchema = z
  .object({
    status: z.enum([...FINDING_STATUSES, 'ALL']).catch('SUSPECTED'),
    indicator: text()
      .regex(/^[A-Z]\d+(\.\d+)?$/)
      .optional()
      .catch(undefined),
    inspectionId: z.uuid().optional().catch(undefined),
    agencyId: z.uuid().optional().catch(undefined),
    accountId: z.uuid().optional().catch(undefined),
    platform: platformCodeSchema.optional().catch(undefined),
    /** Found on or after / on or before this Beijing day (the inspection's monitoring date). */
    from: beijingDaySchema.optional().catch(undefined),
    to: beijingDaySchema.optional().catch(undefined),
    after: findingCursorSchema.optional(),
    before: findingCursorSchema.optional(),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
  })
  .refine((f) => !(f.after && f.before), { path: ['before'], message: 'validation.cursorEitherOr' });
export type FindingFilter = z.infer<typeof findingFilterSchema>;

export const reviewFindingsInputSchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(200),
    decision: z.enum(['CONFIRMED', 'DISMISSED']),
    reason: text().trim().max(500).default(''),
  })
  .refine((v) => v.decision !== 'DISMISSED' || v.reason.length >= 2, {
    path: ['reason'],
    message: 'validation.dismissReasonRequired',
  });
export type ReviewFindingsInput = z.infer<typeof reviewFindingsInputSchema>;

/** Taking back one's own review within the undo window (lib/services/undo-finding-review.ts). */
export const undoFindingReviewInputSchema = z.object({ ids: z.array(z.uuid()).min(1).max(200) });

export const findingListItemSchema = z.object({
  id: text(),
  indicatorCode: text(),
  ruleId: text(),
  status: z.enum(FINDING_STATUSES),
  points: z.number(),
  isVeto: z.boolean(),
  accountId: text(),
  accountName: text(),
  platformCode: text(),
  agencyName: text(),
  inspectionId: text(),
  monitoringAt: text(),
  sourceType: text(),
  sourceUrl: text().nullable(),
  sourcePublishedAt: text().nullable(),
  excerpt: text().nullable(),
  spanStart: z.number().nullable(),
  spanEnd: z.number().nullable(),
  matchedText: text().nullable(),
  reviewReason: text().nullable(),
});
export type FindingListItem = z.infer<typeof findingListItemSchema>;

export const findingsPageSchema = z.object({
  items: z.array(findingListItemSchema),
  /** Names of the agency, account and inspection a filter names by id, so every active filter reads in words. */
  filterNames: z
    .object({ agency: text().nullable(), account: text().nullable(), inspection: text().nullable() })
    .optional(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Cursors of the neighbouring pages, null at either end. */
  nextCursor: text().nullable(),
  prevCursor: text().nullable(),
});
export type FindingsPage = z.infer<typeof findingsPageSchema>;
