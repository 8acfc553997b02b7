import { z } from 'zod';
import { homophoneUnit } from '@/lib/text/homophone';
import { Lexicon } from '@/lib/text/lexicon';
import { foldTerm } from '@/lib/text/normalize';
import type { LexiconEntryData, TextMatch, TextMatcher } from '../types';
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
  entries: z.array(z.object({ term: z.string().trim().min(1), data: z.object({ correct: z.string().optional(), kind: z.string().optional(), evasion: z.boolean().optional() }).optional() })),
});
export type LexiconDef = z.infer<typeof lexiconDefSchema>;

export const STARTER_LEXICONS: LexiconDef[] = [
  protectedTerms, secrecyMarks, prohibited, prohibitedDomains, entertainment, insults, commercialSpam, forcedFollow, typos, cannedReplies, corrections,
].map((l) => lexiconDefSchema.parse(l));

/** Homophone folding only pays off on curated evasion terms; short terms would match too much ordinary text. */
const MIN_HOMOPHONE_UNITS = 3;

/** Exact (folded, noise-tolerant) matches plus matches only homophone folding finds, marked as such. */
function combinedMatcher(exact: Lexicon<LexiconEntryData>, homophone: Lexicon<LexiconEntryData> | null): TextMatcher {
  if (!homophone) return exact;
  return {
    search(text: string): TextMatch[] {
      const found: TextMatch[] = exact.search(text);
      if (homophone.count(text) === 0) return found;
      const seen = new Set(found.map((m) => `${m.term}|${m.start}|${m.end}`));
      for (const m of homophone.search(text)) if (!seen.has(`${m.term}|${m.start}|${m.end}`)) found.push({ ...m, variant: 'HOMOPHONE' });
      return found.sort((a, b) => a.end - b.end || a.start - b.start);
    },
  };
}

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
  const evasion = entries.filter((e) => e.data.evasion && foldTerm(e.term).length >= MIN_HOMOPHONE_UNITS);
  const homophone = evasion.length > 0 ? new Lexicon(evasion, { unitMap: homophoneUnit }) : null;
  return { matcher: combinedMatcher(new Lexicon(entries), homophone), prohibitedDomains: domains };
}
