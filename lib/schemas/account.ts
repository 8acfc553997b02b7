import { z } from 'zod';
import { filingStatusSchema, platformCodeSchema } from './enums';

/** Registration of one account; shared by the admin form and its server action. */
export const registerAccountInputSchema = z.object({
  agencyId: z.uuid(),
  platformCode: platformCodeSchema,
  handle: z.string().trim().min(1).max(300),
  displayName: z.string().trim().min(1).max(100),
  url: z.union([z.url(), z.literal('')]).optional().transform((v) => v || null),
  filingNumber: z.string().trim().max(60).optional().transform((v) => v || null),
  filingStatus: filingStatusSchema.default('UNFILED'),
});
export type RegisterAccountInput = z.input<typeof registerAccountInputSchema>;
