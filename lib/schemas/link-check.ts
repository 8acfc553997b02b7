import { z } from 'zod';
import { crawlErrorKindSchema } from './enums';

// D6 link checks: what a check established and where the link was found (Prisma enums LinkCheckOutcome, LinkSource).

/** OK alive; BROKEN dead at this check (status >= 400, DNS, TLS, connection, timeout, redirect loop); NOT_CHECKED no answer about the link (refused private address, throttled, aborted). */
export const LINK_CHECK_OUTCOMES = ['OK', 'BROKEN', 'NOT_CHECKED'] as const;
export type LinkCheckOutcome = (typeof LINK_CHECK_OUTCOMES)[number];
export const LINK_SOURCES = ['MENU', 'ITEM'] as const;
export type LinkSource = (typeof LINK_SOURCES)[number];

/** Links longer than this are not checked (and never stored): no real menu or article link needs more. */
export const MAX_LINK_LENGTH = 2048;

/** A link worth checking: http(s) and not absurdly long. A malformed one (`https://exa mple`) is checked too: it is dead. */
export const isCheckableLink = (url: string): boolean => url.length <= MAX_LINK_LENGTH && /^https?:\/\/\S/i.test(url);

/** One probe handed from crawlers/links to the service that stores it (the crawler never writes the database). */
export const linkProbeSchema = z.object({
  url: z.string().refine(isCheckableLink, 'Not an http(s) link'),
  source: z.enum(LINK_SOURCES),
  checkedAt: z.date(),
  outcome: z.enum(LINK_CHECK_OUTCOMES),
  httpStatus: z.number().int().min(100).max(599).nullable(),
  errorKind: crawlErrorKindSchema.nullable(),
  reason: z.string().max(500).nullable(),
  finalUrl: z.string().max(MAX_LINK_LENGTH).nullable(),
  elapsedMs: z.number().int().min(0).nullable(),
});
export type LinkProbeInput = z.input<typeof linkProbeSchema>;
