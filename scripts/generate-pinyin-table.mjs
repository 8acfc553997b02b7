// Regenerates lib/text/data/pinyin-syllables.json with pinyin-pro (MIT): each CJK unified ideograph
// (U+3400–U+9FFF) → index of its most common toneless syllable, for homophone-evasion matching.
// Polyphones keep only their most common reading; the matcher uses this on curated evasion terms only.
import { writeFileSync } from 'node:fs';
import { pinyin } from 'pinyin-pro';

const FIRST = 0x3400;
const LAST = 0x9fff;
const syllables = [];
const ids = new Map();
const table = [];
for (let u = FIRST; u <= LAST; u += 1) {
  const reading = pinyin(String.fromCharCode(u), { toneType: 'none', type: 'array' })[0] ?? '';
  if (!/^[a-zü]+$/.test(reading)) {
    table.push(0);
    continue;
  }
  if (!ids.has(reading)) {
    syllables.push(reading);
    ids.set(reading, syllables.length);
  }
  table.push(ids.get(reading));
}
const data = {
  source: 'pinyin-pro 3.29.4 (MIT), most common reading per character',
  first: FIRST,
  syllables,
  table: table.map((n) => n.toString(36)).join(','),
};
writeFileSync('lib/text/data/pinyin-syllables.json', `${JSON.stringify(data)}\n`);
console.log(`${syllables.length} syllables, ${table.filter((n) => n > 0).length} characters`);
