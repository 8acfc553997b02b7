import { z } from 'zod';
import { PLATFORM_CODES } from './enums';

export const createRepostTaskInputSchema = z
  .object({
    title: z.string().trim().min(2).max(120),
    itemUrl: z.url({ protocol: /^https?$/ }).optional().or(z.literal('').transform(() => undefined)),
    /** Fragments any of which marks a post as the repost (e.g. the item's headline). */
    matchTerms: z.array(z.string().trim().min(2).max(60)).min(1).max(10),
    publishedAt: z.coerce.date(),
    deadline: z.coerce.date(),
    /** Targets: every open account of this agency's subtree on the chosen platforms. */
    agencyId: z.uuid(),
    platformCodes: z.array(z.enum(PLATFORM_CODES)).min(1),
  })
  .refine((v) => v.deadline > v.publishedAt, { path: ['deadline'], message: 'The deadline must come after publication' });
export type CreateRepostTaskInput = z.infer<typeof createRepostTaskInputSchema>;

export type RepostTargetStatus = 'REPOSTED' | 'MISSED' | 'PENDING';
