import { z } from 'zod';
import { text } from './text';

export const addLexiconEntryInputSchema = z.object({
  lexiconId: z.uuid(),
  term: text().trim().min(1).max(60),
  correct: text()
    .trim()
    .max(60)
    .optional()
    .transform((v) => v || undefined),
  /** Also match homophone substitutions (加威信 for 加微信); only terms of 3+ characters use it. */
  evasion: z
    .boolean()
    .optional()
    .transform((v) => v || undefined),
  /** A leader's name (protected terms): the titles the person holds, separated by 、 or commas, and protocol rank. */
  titles: text()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v.split(/[、,，;；\s]+/).filter(Boolean) : undefined))
    .pipe(z.array(text().max(20)).max(10).optional()),
  rank: z.union([z.literal('').transform(() => undefined), z.coerce.number().int().min(1).max(999)]).optional(),
});
export const toggleLexiconEntryInputSchema = z.object({ entryId: z.uuid(), isActive: z.boolean() });
