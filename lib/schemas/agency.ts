import { z } from 'zod';
import { agencyLevelSchema } from './enums';

export const createAgencyInputSchema = z.object({
  parentId: z.uuid(),
  name: z.string().trim().min(2).max(100),
  level: agencyLevelSchema,
  code: z.string().trim().max(40).optional().transform((v) => v || null),
  isSupervisingUnit: z.preprocess((v) => v === 'on' || v === true, z.boolean()),
  namingRule: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || null)
    .refine((v) => {
      if (!v) return true;
      try {
        new RegExp(v, 'u');
        return true;
      } catch {
        return false;
      }
    }, 'Not a valid regular expression'),
});
export type CreateAgencyInput = z.input<typeof createAgencyInputSchema>;

export const renameAgencyInputSchema = z.object({ id: z.uuid(), name: z.string().trim().min(2).max(100) });
export const moveAgencyInputSchema = z.object({ id: z.uuid(), parentId: z.uuid() });
