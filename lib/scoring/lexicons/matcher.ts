import type { Lexicon } from '@/lib/text/lexicon';
import type { FormSpan, NearMissIndex, ProtectedSpans } from '@/lib/text/near-miss';
import { splitOnlyByLineBreaks } from '@/lib/text/normalize';
import type { LexiconEntryData, TextMatch, TextMatcher } from '../types';

export type MatcherParts = {
  exact: Lexicon<LexiconEntryData>;
  /** Curated evasion terms folded to pinyin syllables. */
  homophone: Lexicon<LexiconEntryData> | null;
  /** Secrecy marks only, skipping line breaks (LAYOUT_WHITESPACE): the exact matcher restarts at every line. */
  acrossLines: Lexicon<LexiconEntryData> | null;
  protectedForms: NearMissIndex | null;
};

const spanKey = (m: TextMatch) => `${m.term}|${m.start}|${m.end}`;
const asHomophone = (m: TextMatch): TextMatch => ({ ...m, variant: 'HOMOPHONE' });
const NO_SPANS: ProtectedSpans = { occurrences: [], nearMisses: [] };

/** Appends the matches of `more` not already in `found` (same term and span); returns whether any was added. */
function addNew(found: TextMatch[], more: TextMatch[]): boolean {
  if (more.length === 0) return false;
  const seen = new Set(found.map(spanKey));
  const before = found.length;
  for (const m of more) {
    if (seen.has(spanKey(m))) continue;
    seen.add(spanKey(m));
    found.push(m);
  }
  return found.length > before;
}

/** A listed wrong form inside a correctly written name is part of that name (中国共产党中央委员 in …中央委员会). */
function removeInside(found: TextMatch[], names: FormSpan[]) {
  let kept = 0;
  for (const m of found) {
    if (m.entry.category === 'PROTECTED_TERM' && names.some((o) => o.start <= m.start && m.end <= o.end)) continue;
    found[kept++] = m;
  }
  found.length = kept;
}

function acrossLineBreaks(lexicon: Lexicon<LexiconEntryData>, text: string): TextMatch[] {
  if (lexicon.count(text) === 0) return [];
  const out: TextMatch[] = [];
  for (const m of lexicon.search(text)) if (splitOnlyByLineBreaks(text, m.start, m.end)) out.push(m);
  return out;
}

/** Near-misses overlapping a listed wrong form are that wrong form, already reported. */
function unlistedNearMisses(found: TextMatch[], nearMisses: FormSpan[]): TextMatch[] {
  const out: TextMatch[] = [];
  for (const n of nearMisses) {
    let listed = false;
    for (const m of found)
      if (m.entry.category === 'PROTECTED_TERM' && m.start < n.end && n.start < m.end) listed = true;
    if (!listed)
      out.push({
        entry: { category: 'PROTECTED_TERM', correct: n.form },
        term: n.form,
        start: n.start,
        end: n.end,
        variant: 'NEAR_MISS',
      });
  }
  return out;
}

/**
 * Exact (folded, noise-tolerant) matches, plus what only the extra passes find: homophones (marked), secrecy
 * marks broken over lines, and near-misses of protected names (marked) where no listed wrong form already hit.
 */
export function combinedMatcher({ exact, homophone, acrossLines, protectedForms }: MatcherParts): TextMatcher {
  if (!homophone && !acrossLines && !protectedForms) return exact;
  return {
    search(text: string): TextMatch[] {
      const found: TextMatch[] = exact.search(text);
      let added = false;
      if (homophone && homophone.count(text) > 0)
        added = addNew(found, homophone.search(text).map(asHomophone)) || added;
      if (acrossLines) added = addNew(found, acrossLineBreaks(acrossLines, text)) || added;
      const { occurrences, nearMisses } = protectedForms ? protectedForms.find(text) : NO_SPANS;
      if (occurrences.length > 0) removeInside(found, occurrences);
      if (nearMisses.length > 0) added = addNew(found, unlistedNearMisses(found, nearMisses)) || added;
      return added ? found.sort((a, b) => a.end - b.end || a.start - b.start) : found;
    },
  };
}
