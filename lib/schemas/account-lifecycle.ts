import { z } from 'zod';
import { httpUrlOrBlank, text } from './text';
import { beijingInstantSchema } from './day';

const filingNumber = text().trim().min(1, 'validation.filingNumberRequired').max(60);
/** A day typed in the form takes effect at the start of that Beijing day. */
const effectiveAt = beijingInstantSchema('start');
const note = text()
  .trim()
  .max(500)
  .optional()
  .transform((v) => v || null);
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .optional()
    .transform((v) => v || undefined);

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
    url: httpUrlOrBlank()
      .optional()
      .transform((v) => v || undefined),
    note,
  }),
  z.object({
    event: z.literal('CLOSE'),
    accountId: z.uuid(),
    filingNumber,
    effectiveAt,
    note: text().trim().min(2, 'validation.reasonRequired').max(500),
  }),
  z.object({ event: z.literal('REOPEN'), accountId: z.uuid(), filingNumber, effectiveAt, note }),
]);
export type AccountLifecycleInput = z.input<typeof accountLifecycleInputSchema>;
