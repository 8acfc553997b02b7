import { z } from 'zod';

/** The form sends the day the merit was earned (Asia/Shanghai); empty means today. */
export const awardBonusInputSchema = z.object({
  accountId: z.uuid(),
  itemCode: z.string().regex(/^B[0-9]{1,2}$/),
  reason: z.string().trim().min(4).max(500),
  awardedOn: z.iso.date().optional().or(z.literal('').transform(() => undefined)),
});
export type AwardBonusInput = z.infer<typeof awardBonusInputSchema>;

export const revokeBonusInputSchema = z.object({
  awardId: z.uuid(),
  reason: z.string().trim().min(4).max(500),
});
