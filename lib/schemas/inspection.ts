import { z } from 'zod';

export const createInspectionInputSchema = z
  .object({
    name: z.string().trim().min(2).max(100),
    monitoringAt: z.coerce.date(),
    scopeAgencyId: z.uuid(),
    scope: z.enum(['TREE', 'SAMPLE']),
    sampleRatio: z.coerce.number().gt(0).max(1).optional(),
    editionCode: z.string().min(1).max(60).default('national-2019'),
  })
  .refine((v) => v.scope === 'TREE' || v.sampleRatio !== undefined, { path: ['sampleRatio'], message: 'Sample ratio is required for a sample' });
export type CreateInspectionInput = z.infer<typeof createInspectionInputSchema>;

export const inspectionListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  monitoringAt: z.string(),
  scopeAgencyName: z.string(),
  scope: z.enum(['TREE', 'SAMPLE']),
  sampleRatio: z.number().nullable(),
  editionCode: z.string(),
  status: z.enum(['PENDING', 'RUNNING', 'DONE', 'FAILED']),
  accounts: z.number().int(),
  passed: z.number().int(),
  vetoed: z.number().int(),
  atRisk: z.number().int(),
  insufficient: z.number().int(),
  createdAt: z.string(),
});
export type InspectionListItem = z.infer<typeof inspectionListItemSchema>;
