import { z } from 'zod';
import { beijingInstantSchema } from './day';

export const createInspectionInputSchema = z
  .object({
    name: z.string().trim().min(2).max(100),
    /** A bare day is monitored as of its end (23:59:59.999 Beijing): that day's posts count, its coverage is needed. */
    monitoringAt: beijingInstantSchema('end'),
    scopeAgencyId: z.uuid(),
    scope: z.enum(['TREE', 'SAMPLE']),
    sampleRatio: z.coerce.number().gt(0).max(1).optional(),
    editionCode: z.string().min(1).max(60).default('national-2019'),
  })
  .refine((v) => v.scope === 'TREE' || v.sampleRatio !== undefined, {
    path: ['sampleRatio'],
    message: 'validation.sampleRatioRequired',
  });
/** What callers send (a day, a datetime-local value, an ISO instant or a Date); the service parses it. */
export type CreateInspectionInput = z.input<typeof createInspectionInputSchema>;

export const inspectionListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  monitoringAt: z.string(),
  scopeAgencyName: z.string(),
  scope: z.enum(['TREE', 'SAMPLE']),
  sampleRatio: z.number().nullable(),
  editionCode: z.string(),
  editionName: z.string(),
  status: z.enum(['PENDING', 'RUNNING', 'DONE', 'FAILED']),
  accounts: z.number().int(),
  passed: z.number().int(),
  vetoed: z.number().int(),
  atRisk: z.number().int(),
  insufficient: z.number().int(),
  /** The worker's progress: accounts scored of the run's total (null until it counted its scope). */
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  createdAt: z.string(),
  /** Accounts whose V2/D1 still wait on a read up to the monitoring date (countAwaitingRead, docs/scoring.md "Settling"). */
  awaitingRead: z.number().int(),
  /** Whether the settle job still re-scores them when read (monitoring date within its window). */
  settlesAutomatically: z.boolean(),
});

export const inspectionsPageSchema = z.object({ items: z.array(inspectionListItemSchema), total: z.number().int() });
export type InspectionsPage = z.infer<typeof inspectionsPageSchema>;

/** GET /api/inspections query. */
export const inspectionsQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1) });
export type InspectionListItem = z.infer<typeof inspectionListItemSchema>;
