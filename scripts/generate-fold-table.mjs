// Regenerates lib/text/data/ts-characters.json from opencc-js's TSCharacters dictionary (Apache-2.0):
// traditional → simplified pairs that are one UTF-16 code unit each, so folding keeps offsets.
import { readFileSync, writeFileSync } from 'node:fs';

const source = readFileSync('node_modules/opencc-js/dist/esm-lib/dict/TSCharacters.js', 'utf8');
const body = source.slice(source.indexOf('"') + 1, source.lastIndexOf('"'));
const pairs = [];
for (const entry of body.split('|')) {
  const [from, to] = entry.split(' ');
  const target = to?.split(' ')[0];
  if (from && target && from.length === 1 && target.length === 1 && from !== target) pairs.push(from + target);
}
writeFileSync(
  'lib/text/data/ts-characters.json',
  `${JSON.stringify({ source: 'opencc-js 1.4.2 dict/TSCharacters (OpenCC, Apache-2.0)', pairs: pairs.join('') })}\n`,
);
console.log(`${pairs.length} pairs`);
