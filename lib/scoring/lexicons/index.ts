import { z } from 'zod';
import { Lexicon } from '@/lib/text/lexicon';
import type { LexiconEntryData, TextMatcher } from '../types';
import cannedReplies from './canned-replies.json';
import commercialSpam from './commercial-spam.json';
import corrections from './corrections.json';
import entertainment from './entertainment.json';
import forcedFollow from './forced-follow.json';
import insults from './insults.json';
import prohibitedDomains from './prohibited-domains.json';
import prohibited from './prohibited.json';
import protectedTerms from './protected-terms.json';
import secrecyMarks from './secrecy-marks.json';
import typos from './typos.json';

export const LEXICON_CATEGORIES = [
  'PROTECTED_TERM', 'SECRECY_MARK', 'PROHIBITED', 'PROHIBITED_DOMAIN', 'ENTERTAINMENT', 'INSULT',
  'COMMERCIAL_SPAM', 'FORCED_FOLLOW', 'TYPO', 'CANNED_REPLY', 'CORRECTION',
] as const;

/** A lexicon as stored in files and in the lexicon tables: data, not code. */
export const lexiconDefSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  category: z.enum(LEXICON_CATEGORIES),
  licenseNote: z.string().optional(),
  entries: z.array(z.object({ term: z.string().trim().min(1), data: z.object({ correct: z.string().optional(), kind: z.string().optional() }).optional() })),
});
export type LexiconDef = z.infer<typeof lexiconDefSchema>;

export const STARTER_LEXICONS: LexiconDef[] = [
  protectedTerms, secrecyMarks, prohibited, prohibitedDomains, entertainment, insults, commercialSpam, forcedFollow, typos, cannedReplies, corrections,
].map((l) => lexiconDefSchema.parse(l));

/** Compiles lexicons into one matcher (text categories) and a domain blocklist. */
export function compileLexicons(defs: LexiconDef[]): { matcher: TextMatcher; prohibitedDomains: Set<string> } {
  const entries: Array<{ term: string; data: LexiconEntryData }> = [];
  const domains = new Set<string>();
  for (const def of defs.map((d) => lexiconDefSchema.parse(d))) {
    for (const e of def.entries) {
      if (def.category === 'PROHIBITED_DOMAIN') domains.add(e.term.toLowerCase());
      else entries.push({ term: e.term, data: { category: def.category, ...e.data } });
    }
  }
  return { matcher: new Lexicon(entries), prohibitedDomains: domains };
}
