import { z } from 'zod';
import { text } from './text';

const editionCode = text()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,58}$/, 'validation.editionCode');

export const cloneEditionInputSchema = z.object({
  baseId: z.uuid(),
  code: editionCode,
  name: text().trim().min(1).max(80),
});
export type CloneEditionInput = z.infer<typeof cloneEditionInputSchema>;

export const updateEditionDraftInputSchema = z.object({
  id: z.uuid(),
  name: text().trim().min(1).max(80),
  /** Dotted catalogue paths (e.g. `passMark`, `veto.V2.windowDays`) → new values; validated against the edition schema. */
  values: z.record(text().regex(/^[A-Za-z0-9_.]+$/), z.union([z.number(), z.boolean()])),
  /** When given, replaces the edition's 加分 item list; items are validated against the edition schema. */
  bonusItems: z
    .array(z.object({ code: text(), name: text(), points: z.number() }))
    .max(20)
    .optional(),
});
export type UpdateEditionDraftInput = z.infer<typeof updateEditionDraftInputSchema>;

export const publishEditionInputSchema = z.object({ id: z.uuid() });
