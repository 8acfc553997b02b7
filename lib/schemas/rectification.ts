import { z } from 'zod';
import { text } from './text';

export const completeRectificationInputSchema = z.object({ id: z.uuid(), note: text().trim().min(2).max(1000) });
export type CompleteRectificationInput = z.infer<typeof completeRectificationInputSchema>;
