import { z } from 'zod';

const filingNumber = z.string().trim().min(1, 'A filing number (备案号) is required').max(60);
const effectiveAt = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), 'Invalid date');
const note = z.string().trim().max(500).optional().transform((v) => v || null);
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

/** Profile fields a filed change may cover; their names are the keys scoring reads (`filedChanges`, V1.4). */
export const LIFECYCLE_CHANGE_FIELDS = ['displayName', 'handle', 'url'] as const;
export type LifecycleChangeField = (typeof LIFECYCLE_CHANGE_FIELDS)[number];

/** Change (变更), close (注销) or reopen of an account, each with its filing number and effective date. */
export const accountLifecycleInputSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('CHANGE'),
    accountId: z.uuid(),
    filingNumber,
    effectiveAt,
    displayName: optionalText(100),
    handle: optionalText(300),
    url: z.union([z.url(), z.literal('')]).optional().transform((v) => v || undefined),
    note,
  }),
  z.object({ event: z.literal('CLOSE'), accountId: z.uuid(), filingNumber, effectiveAt, note: z.string().trim().min(2, 'Give the reason').max(500) }),
  z.object({ event: z.literal('REOPEN'), accountId: z.uuid(), filingNumber, effectiveAt, note }),
]);
export type AccountLifecycleInput = z.input<typeof accountLifecycleInputSchema>;
