import { z } from 'zod';
import { text } from './text';
import { beijingDaySchema } from './day';

/** The form sends the day the merit was earned (Asia/Shanghai); empty means today. */
export const awardBonusInputSchema = z.object({
  accountId: z.uuid(),
  itemCode: text().regex(/^B[0-9]{1,2}$/),
  reason: text().trim().min(4).max(500),
  awardedOn: beijingDaySchema.optional().or(z.literal('').transform(() => undefined)),
});
export type AwardBonusInput = z.infer<typeof awardBonusInputSchema>;

export const revokeBonusInputSchema = z.object({
  awardId: z.uuid(),
  reason: text().trim().min(4).max(500),
});
