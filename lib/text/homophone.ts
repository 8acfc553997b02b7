import data from './data/pinyin-syllables.json';

/** Syllable ids are mapped into the Private Use Area so they never equal a folded code unit of real text. */
const SYLLABLE_UNIT_BASE = 0xe000;

const TABLE: Uint16Array = (() => {
  const table = new Uint16Array(65536);
  const ids = data.table.split(',');
  ids.forEach((id, k) => {
    const n = Number.parseInt(id, 36);
    if (n > 0) table[data.first + k] = SYLLABLE_UNIT_BASE + n;
  });
  return table;
})();

/** Folded code unit → its pinyin syllable unit (same unit for 加威信 and 加微信); other units pass through. */
export function homophoneUnit(unit: number): number {
  return TABLE[unit] || unit;
}

/** Toneless pinyin of a character, for evidence notes ("wei" for 威 and 微). */
export function syllableOf(char: string): string | null {
  const unit = TABLE[char.charCodeAt(0)] ?? 0;
  return unit ? (data.syllables[unit - SYLLABLE_UNIT_BASE - 1] ?? null) : null;
}
