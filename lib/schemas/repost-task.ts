import { z } from 'zod';
import { text } from './text';
import { beijingInstantSchema } from './day';
import { PLATFORM_CODES } from './enums';

export const createRepostTaskInputSchema = z
  .object({
    title: text().trim().min(2).max(120),
    itemUrl: z
      .url({ protocol: /^https?$/ })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Fragments any of which marks a post as the repost (e.g. the item's headline). */
    matchTerms: z.array(text().trim().min(2).max(60)).min(1).max(10),
    publishedAt: beijingInstantSchema('start'),
    /** A deadline given as a day runs to the end of that Beijing day. */
    deadline: beijingInstantSchema('end'),
    /** Targets: every open account of this agency's subtree on the chosen platforms. */
    agencyId: z.uuid(),
    platformCodes: z.array(z.enum(PLATFORM_CODES)).min(1),
  })
  .refine((v) => v.deadline > v.publishedAt, { path: ['deadline'], message: 'validation.deadlineAfterPublication' });
export type CreateRepostTaskInput = z.infer<typeof createRepostTaskInputSchema>;

export type RepostTargetStatus = 'REPOSTED' | 'MISSED' | 'PENDING';
