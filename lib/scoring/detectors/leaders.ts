import type { TextMatch } from '../types';

/**
 * V1.1 for leaders (领导同志): a name written with a title the person does not hold, or leaders listed out of
 * protocol order. Names come from protected-term entries that carry `titles` (and optionally `rank`, 1 = first).
 */
export type LeaderIssue =
  | { kind: 'TITLE'; start: number; end: number; name: string; title: string; titles: string[] }
  | { kind: 'ORDER'; start: number; end: number; names: string[]; expected: string[] };

/** Titles recognised next to a name, besides those the lexicon's leaders hold. */
const BASE_TITLES = [
  '主席',
  '副主席',
  '总理',
  '副总理',
  '委员长',
  '副委员长',
  '书记',
  '副书记',
  '常委',
  '秘书长',
  '副秘书长',
  '省长',
  '副省长',
  '市长',
  '副市长',
  '县长',
  '副县长',
  '区长',
  '副区长',
  '州长',
  '副州长',
  '镇长',
  '副镇长',
  '乡长',
  '副乡长',
  '主任',
  '副主任',
  '部长',
  '副部长',
  '厅长',
  '副厅长',
  '局长',
  '副局长',
  '院长',
  '副院长',
  '检察长',
  '副检察长',
];
const LIST_SEPARATORS = /^[、，,\s]*$/;

type LeaderTitleIndex = { titles: string[] };

/** Base titles plus those of the leaders named in this text (others cannot be confused with them). */
function leaderTitleIndex(leaders: readonly TextMatch[]): LeaderTitleIndex {
  // Longest first, so 副省长 is read before 省长 and 省委书记 before 书记.
  const titles = [...new Set([...BASE_TITLES, ...leaders.flatMap((m) => m.entry.titles ?? [])])].sort(
    (a, b) => b.length - a.length,
  );
  return { titles };
}

/**
 * A title fits when the person holds it, or holds a longer one ending with it (省委书记 → 书记), unless the
 * difference is 副: calling a deputy governor 省长 is the error this rule exists for.
 */
function fits(title: string, held: readonly string[]): boolean {
  return held.some((h) => h === title || (h.endsWith(title) && !h.slice(0, -title.length).endsWith('副')));
}

const titleBefore = (text: string, at: number, index: LeaderTitleIndex) =>
  index.titles.find((t) => at >= t.length && text.startsWith(t, at - t.length));
const titleAfter = (text: string, at: number, index: LeaderTitleIndex) =>
  index.titles.find((t) => text.startsWith(t, at));

/** The titles written directly before a name (省委书记、省长王某) or, failing that, directly after it (王某省长). */
function titlesAround(
  text: string,
  m: TextMatch,
  index: LeaderTitleIndex,
): Array<{ title: string; start: number; end: number }> {
  const found: Array<{ title: string; start: number; end: number }> = [];
  let at = m.start;
  for (let title = titleBefore(text, at, index); title; title = titleBefore(text, at, index)) {
    found.push({ title, start: at - title.length, end: at });
    at -= title.length;
    if (text[at - 1] !== '、') break;
    at -= 1;
  }
  if (found.length > 0) return found;
  const after = titleAfter(text, m.end, index);
  return after ? [{ title: after, start: m.end, end: m.end + after.length }] : [];
}

/** Leaders named one after another, separated only by list punctuation and their titles. */
function enumerations(text: string, leaders: TextMatch[], index: LeaderTitleIndex): TextMatch[][] {
  const lists: TextMatch[][] = [];
  let current: TextMatch[] = [];
  for (const m of leaders) {
    const prev = current.at(-1);
    let between = prev ? text.slice(prev.end, m.start) : '';
    for (const t of index.titles) between = between.split(t).join('');
    if (prev && LIST_SEPARATORS.test(between)) current.push(m);
    else {
      if (current.length > 1) lists.push(current);
      current = [m];
    }
  }
  if (current.length > 1) lists.push(current);
  return lists;
}

/** `leaders`: the matcher's hits on leader entries in this text, in text order. */
export function leaderIssues(text: string, leaders: TextMatch[]): LeaderIssue[] {
  const index = leaderTitleIndex(leaders);
  const issues: LeaderIssue[] = [];
  for (const m of leaders) {
    const held = m.entry.titles ?? [];
    const wrong = titlesAround(text, m, index).find((t) => !fits(t.title, held));
    if (wrong)
      issues.push({
        kind: 'TITLE',
        start: Math.min(wrong.start, m.start),
        end: Math.max(wrong.end, m.end),
        name: m.term,
        title: wrong.title,
        titles: held,
      });
  }
  for (const list of enumerations(text, leaders, index)) {
    const ranked = list.filter((m) => m.entry.rank !== undefined);
    const expected = [...ranked].sort((a, b) => (a.entry.rank ?? 0) - (b.entry.rank ?? 0));
    if (ranked.some((m, i) => m !== expected[i])) {
      issues.push({
        kind: 'ORDER',
        start: list[0]?.start ?? 0,
        end: list.at(-1)?.end ?? 0,
        names: ranked.map((m) => m.term),
        expected: expected.map((m) => m.term),
      });
    }
  }
  return issues;
}
