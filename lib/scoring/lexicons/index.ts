import { z } from 'zod';
import { homophoneUnit } from '@/lib/text/homophone';
import { Lexicon } from '@/lib/text/lexicon';
import { NearMissIndex } from '@/lib/text/near-miss';
import { foldTerm, LAYOUT_WHITESPACE } from '@/lib/text/normalize';
import type { LexiconEntryData, TextMatcher } from '../types';
import cannedReplies from './canned-replies.json';
import commercialSpam from './commercial-spam.json';
import corrections from './corrections.json';
import entertainment from './entertainment.json';
import forcedFollow from './forced-follow.json';
import insults from './insults.json';
import { combinedMatcher } from './matcher';
import prohibitedDomains from './prohibited-domains.json';
import prohibited from './prohibited.json';
import protectedTerms from './protected-terms.json';
import secrecyMarks from './secrecy-marks.json';
import typos from './typos.json';

export const LEXICON_CATEGORIES = [
  'PROTECTED_TERM',
  'SECRECY_MARK',
  'PROHIBITED',
  'PROHIBITED_DOMAIN',
  'ENTERTAINMENT',
  'INSULT',
  'COMMERCIAL_SPAM',
  'FORCED_FOLLOW',
  'TYPO',
  'CANNED_REPLY',
  'CORRECTION',
] as const;

/** What a lexicon entry carries besides its term (`lexicon_entry.data`). */
export const lexiconEntryDataSchema = z.object({
  correct: z.string().optional(),
  kind: z.string().optional(),
  evasion: z.boolean().optional(),
  titles: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  rank: z.number().int().min(1).max(999).optional(),
});

/** A lexicon as stored in files and in the lexicon tables: data, not code. */
export const lexiconDefSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  category: z.enum(LEXICON_CATEGORIES),
  licenseNote: z.string().optional(),
  entries: z.array(z.object({ term: z.string().trim().min(1), data: lexiconEntryDataSchema.optional() })),
});
export type LexiconDef = z.infer<typeof lexiconDefSchema>;

export const STARTER_LEXICONS: LexiconDef[] = [
  protectedTerms,
  secrecyMarks,
  prohibited,
  prohibitedDomains,
  entertainment,
  insults,
  commercialSpam,
  forcedFollow,
  typos,
  cannedReplies,
  corrections,
].map((l) => lexiconDefSchema.parse(l));

/** Homophone folding only pays off on curated evasion terms; short terms would match too much ordinary text. */
const MIN_HOMOPHONE_UNITS = 3;
/** Indentation and blank lines between the parts of a mark broken over lines. */
const MAX_LAYOUT_GAP = 16;

/** A protected-term entry whose term is its own correct form registers a name to guard; it is not a wrong form. */
const namesItself = (d: LexiconEntryData, term: string) =>
  d.category === 'PROTECTED_TERM' && d.correct !== undefined && foldTerm(d.correct) === foldTerm(term);

function protectedFormsOf(entries: Array<{ term: string; data: LexiconEntryData }>): string[] {
  return entries.flatMap((e) => (e.data.category === 'PROTECTED_TERM' && e.data.correct ? [e.data.correct] : []));
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
  const listed = entries.filter((e) => !namesItself(e.data, e.term));
  const evasion = listed.filter((e) => e.data.evasion && foldTerm(e.term).length >= MIN_HOMOPHONE_UNITS);
  const secrecy = listed.filter((e) => e.data.category === 'SECRECY_MARK');
  const protectedForms = new NearMissIndex(protectedFormsOf(entries));
  return {
    matcher: combinedMatcher({
      exact: new Lexicon(listed),
      homophone: evasion.length > 0 ? new Lexicon(evasion, { unitMap: homophoneUnit }) : null,
      acrossLines:
        secrecy.length > 0 ? new Lexicon(secrecy, { noise: LAYOUT_WHITESPACE, maxGap: MAX_LAYOUT_GAP }) : null,
      protectedForms: protectedForms.size > 0 ? protectedForms : null,
    }),
    prohibitedDomains: domains,
  };
}
