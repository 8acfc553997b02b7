import { z } from 'zod';
import { newPassword } from './password';
import { pickedId, text } from './text';
import { roleSchema } from './enums';

export const createUserInputSchema = z.object({
  name: text().trim().min(1).max(100),
  email: z.email().max(200),
  password: newPassword(),
  grants: z.array(z.object({ role: roleSchema, agencyId: pickedId() })).min(1),
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const setUserActiveInputSchema = z.object({ userId: text().min(1).max(100), isActive: z.boolean() });

export const changeUserGrantInputSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('ADD'), userId: text().min(1).max(100), role: roleSchema, agencyId: pickedId() }),
  z.object({ op: z.literal('REMOVE'), userId: text().min(1).max(100), grantId: z.uuid() }),
]);

export const resetUserPasswordInputSchema = z.object({ userId: text().min(1).max(100), password: newPassword() });

/** What the activate/deactivate form posts: `isActive` as the strings of a hidden field. */
export const userActiveFormSchema = z.object({
  userId: z.string(),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true'),
});
