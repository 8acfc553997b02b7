import { homophoneUnit } from './homophone';
import { Lexicon, MatchBuffer } from './lexicon';
import { BREAK, DEFAULT_MAX_GAP, FOLD_TABLE, foldTerm, INVISIBLE, isSeparatorMark, SKIP } from './normalize';

/** A span of the text and the protected form it is (or is one edit away from), in UTF-16 offsets of the original text. */
export type FormSpan = { form: string; start: number; end: number };
export type ProtectedSpans = { occurrences: FormSpan[]; nearMisses: FormSpan[] };

const NONE: ProtectedSpans = Object.freeze({ occurrences: [], nearMisses: [] });

/** Shorter names are one edit away from too many ordinary words. */
const MIN_NEAR_MISS_UNITS = 5;
/**
 * Same tolerance for soft separators as the Lexicon's default, so "中华人民 共合国" is one span for both. Clause
 * punctuation always separates here: a near-miss is already one edit away from the name.
 */
const MAX_GAP = DEFAULT_MAX_GAP;
/** Stands for sentence punctuation and long noise runs in the compact text; no folded form contains it. */
const SEPARATOR = BREAK;
const WHOLE = -1;

const SUB = 0;
const INS = 1;
const DEL = 2;
const SWAP = 3;
const EDIT_KIND = 1 << 16;
const NO_EDIT = -1;

/** `offset` is where the anchor piece starts in the folded form, or WHOLE for the form itself. */
type Anchor = { form: number; offset: number };
type Occurrence = { form: number; start: number; end: number };
/** `rank` 0 for a same-length reading (replacement, swap), 1 for an insertion or deletion. */
type Candidate = { form: number; start: number; end: number; rank: number };

/**
 * Two pieces with one unit between them: a single substitution, insertion, deletion or adjacent swap
 * touches at most one of them, so every one-edit variant contains a piece verbatim (pigeonhole).
 */
function anchorPieces(n: number): Array<[number, number]> {
  const left = (n - 1) >> 1;
  return [
    [0, left],
    [left + 1, n],
  ];
}

function tailEqual(u: Uint16Array, s: number, form: Uint16Array, from: number, to: number): boolean {
  for (let k = 0; from + k < form.length; k += 1) if (u[s + to + k] !== form[from + k]) return false;
  return true;
}

/** The one edit that turns `form` into u[s, s+len) as kind * EDIT_KIND + position in form, or NO_EDIT for zero or several edits. */
function oneEdit(u: Uint16Array, s: number, len: number, form: Uint16Array): number {
  const n = form.length;
  let i = 0;
  while (i < len && i < n && u[s + i] === form[i]) i += 1;
  if (len === n) {
    if (i === n) return NO_EDIT;
    if (tailEqual(u, s, form, i + 1, i + 1)) return SUB * EDIT_KIND + i;
    if (i + 1 < n && u[s + i] === form[i + 1] && u[s + i + 1] === form[i] && tailEqual(u, s, form, i + 2, i + 2))
      return SWAP * EDIT_KIND + i;
    return NO_EDIT;
  }
  if (len === n + 1) return tailEqual(u, s, form, i, i + 1) ? INS * EDIT_KIND + i : NO_EDIT;
  if (len === n - 1) return tailEqual(u, s, form, i + 1, i) ? DEL * EDIT_KIND + i : NO_EDIT;
  return NO_EDIT;
}

const ADMIN_LEVEL_UNITS = new Set([...'国省市县区州盟旗乡镇村'].map((c) => c.charCodeAt(0)));

/**
 * Edits at the first or last unit are where ordinary text continues a name: "国务院办公会议" holds "国务院办公"
 * (厅 deleted) and "国务院办公会" (厅 replaced), and every name followed by any character is an insertion at the
 * end. So an insertion or deletion there is never reported, and a replacement there only when it sounds the
 * same (办公听 for 办公厅), the usual input-method slip. Swaps need two specific units and stay reportable.
 */
function plausible(edit: number, u: Uint16Array, s: number, form: Uint16Array): boolean {
  const kind = Math.floor(edit / EDIT_KIND);
  const at = edit % EDIT_KIND;
  const last = form.length - 1;
  // 全省人民代表大会 is the provincial congress, not a misspelt 全国人民代表大会: a change of administrative level
  // names another organ.
  if (kind === SUB && ADMIN_LEVEL_UNITS.has(form[at] as number) && ADMIN_LEVEL_UNITS.has(u[s + at] as number))
    return false;
  if (kind === INS) return at > 0 && at <= last;
  if (kind === DEL) return at > 0 && at < last;
  if (kind === SUB && (at === 0 || at === last))
    return homophoneUnit(u[s + at] as number) === homophoneUnit(form[at] as number);
  return true;
}

/** Whether [start, end) overlaps an occurrence of its own form, or (with `orInsideOther`) lies inside an occurrence of another. */
function nearExact(
  exact: readonly Occurrence[],
  form: number,
  start: number,
  end: number,
  orInsideOther: boolean,
): boolean {
  for (const e of exact) {
    if (e.form === form ? e.start < end && start < e.end : orInsideOther && e.start <= start && end <= e.end)
      return true;
  }
  return false;
}

/**
 * Finds spans one edit (Damerau) away from protected forms of ≥ MIN_NEAR_MISS_UNITS folded units, after the
 * matcher's folding and noise skipping. One Aho–Corasick pass finds anchor pieces and exact occurrences; only
 * texts with an anchor get a compact folded copy, and only the few windows around each anchor are compared.
 */
export class NearMissIndex {
  readonly size: number;
  private readonly forms: string[] = [];
  private readonly folded: Uint16Array[] = [];
  private readonly anchors: Lexicon<Anchor>;
  private readonly hits = new MatchBuffer();
  private units = new Uint16Array(256);
  private origin = new Int32Array(256);
  private compactAt = new Int32Array(256);

  constructor(forms: Iterable<string>) {
    const entries: Array<{ term: string; data: Anchor }> = [];
    const known = new Set<string>();
    for (const form of forms) {
      const f = foldTerm(form);
      if (f.length < MIN_NEAR_MISS_UNITS || known.has(f)) continue;
      known.add(f);
      const id = this.forms.length;
      this.forms.push(form);
      this.folded.push(Uint16Array.from(f, (c) => c.charCodeAt(0)));
      entries.push({ term: f, data: { form: id, offset: WHOLE } });
      for (const [from, to] of anchorPieces(f.length))
        entries.push({ term: f.slice(from, to), data: { form: id, offset: from } });
    }
    this.size = this.forms.length;
    this.anchors = new Lexicon(entries, { maxGap: MAX_GAP, clauseJoinUnits: Infinity });
  }

  /** Exact occurrences of the forms and near-misses of them; a near-miss never overlaps an occurrence of its own form. */
  find(text: string): ProtectedSpans {
    const hits = this.hits;
    hits.length = 0;
    if (this.size === 0 || this.anchors.scan(text, hits) === 0) return NONE;
    const exact: Occurrence[] = [];
    const occurrences: FormSpan[] = [];
    for (let k = 0; k < hits.length; k += 1) {
      const a = this.anchors.entries[hits.ids[k] as number] as Anchor;
      if (a.offset !== WHOLE) continue;
      exact.push({ form: a.form, start: hits.starts[k] as number, end: hits.ends[k] as number });
      occurrences.push({
        form: this.forms[a.form] as string,
        start: hits.starts[k] as number,
        end: hits.ends[k] as number,
      });
    }
    let size = -1;
    const found: Candidate[] = [];
    for (let k = 0; k < hits.length; k += 1) {
      const { form, offset } = this.anchors.entries[hits.ids[k] as number] as Anchor;
      // A piece inside a correct occurrence of its own form can only anchor spans overlapping that occurrence.
      if (offset === WHOLE || nearExact(exact, form, hits.starts[k] as number, hits.ends[k] as number, false)) continue;
      if (size < 0) size = this.compact(text);
      const p = this.folded[form] as Uint16Array;
      const q = this.compactAt[hits.starts[k] as number] as number;
      for (let s = q - offset - 1; s <= q - offset + 1; s += 1) {
        for (let len = p.length - 1; len <= p.length + 1; len += 1) {
          if (s < 0 || s + len > size) continue;
          const edit = oneEdit(this.units, s, len, p);
          if (edit === NO_EDIT || !plausible(edit, this.units, s, p) || this.hasSeparator(s, len)) continue;
          const start = this.origin[s] as number;
          const end = (this.origin[s + len - 1] as number) + 1;
          if (!nearExact(exact, form, start, end, true))
            found.push({ form, start, end, rank: Math.abs(len - p.length) });
        }
      }
    }
    return { occurrences, nearMisses: found.length > 0 ? this.oneEach(found) : [] };
  }

  /** Overlapping near-misses of one form are one slip read several ways (国务院办厅公: a swap, or 公 dropped); keep the same-length reading. */
  private oneEach(found: Candidate[]): FormSpan[] {
    const kept: Candidate[] = [];
    for (const c of found.sort((x, y) => x.rank - y.rank || x.start - y.start || y.end - x.end)) {
      if (!kept.some((k) => k.form === c.form && k.start < c.end && c.start < k.end)) kept.push(c);
    }
    return kept
      .sort((x, y) => x.end - y.end || x.start - y.start)
      .map((c) => ({ form: this.forms[c.form] as string, start: c.start, end: c.end }));
  }

  /** Folded text without noise units, `origin` mapping each unit back; returns its length. */
  private compact(text: string): number {
    if (this.units.length < text.length + 1) {
      const size = 2 * text.length + 1;
      [this.units, this.origin, this.compactAt] = [new Uint16Array(size), new Int32Array(size), new Int32Array(size)];
    }
    const { units, origin, compactAt } = this;
    let n = 0;
    let gap = 0;
    for (let i = 0; i < text.length; i += 1) {
      const f = FOLD_TABLE[text.charCodeAt(i)] as number;
      compactAt[i] = n;
      if (f === INVISIBLE || (f === SKIP && (gap += 1) <= MAX_GAP)) continue;
      if (isSeparatorMark(f)) {
        if (n > 0 && units[n - 1] === SEPARATOR) continue;
        units[n] = SEPARATOR;
      } else {
        gap = 0;
        units[n] = f;
      }
      origin[n] = i;
      n += 1;
    }
    return n;
  }

  private hasSeparator(s: number, len: number): boolean {
    for (let k = s; k < s + len; k += 1) if (this.units[k] === SEPARATOR) return true;
    return false;
  }
}
