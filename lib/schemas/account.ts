import { z } from 'zod';
import { httpUrlOrBlank, pickedId, text } from './text';
import { filingStatusSchema, platformCodeSchema } from './enums';

/** Registration of one account; shared by the admin form and its server action. */
export const registerAccountInputSchema = z.object({
  agencyId: pickedId(),
  platformCode: platformCodeSchema,
  handle: text().trim().min(1).max(300),
  displayName: text().trim().min(1).max(100),
  url: httpUrlOrBlank()
    .optional()
    .transform((v) => v || null),
  filingNumber: text()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || null),
  filingStatus: filingStatusSchema.default('UNFILED'),
});
export type RegisterAccountInput = z.input<typeof registerAccountInputSchema>;
