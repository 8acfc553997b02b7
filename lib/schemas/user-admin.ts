import { z } from 'zod';
import { roleSchema } from './enums';

export const setUserActiveInputSchema = z.object({ userId: z.string().min(1).max(100), isActive: z.boolean() });

export const changeUserGrantInputSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('ADD'), userId: z.string().min(1).max(100), role: roleSchema, agencyId: z.uuid() }),
  z.object({ op: z.literal('REMOVE'), userId: z.string().min(1).max(100), grantId: z.uuid() }),
]);

export const resetUserPasswordInputSchema = z.object({ userId: z.string().min(1).max(100), password: z.string().min(10).max(200) });
