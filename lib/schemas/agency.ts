import { z } from 'zod';
import { text } from './text';
import { agencyLevelSchema } from './enums';

export const createAgencyInputSchema = z.object({
  parentId: z.uuid(),
  name: text().trim().min(2).max(100),
  level: agencyLevelSchema,
  code: text()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null),
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
    }, 'validation.regex'),
});
export type CreateAgencyInput = z.input<typeof createAgencyInputSchema>;

export const renameAgencyInputSchema = z.object({ id: z.uuid(), name: text().trim().min(2).max(100) });
export const moveAgencyInputSchema = z.object({ id: z.uuid(), parentId: z.uuid() });
