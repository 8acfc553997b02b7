import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { Lexicon } from '@/lib/text/lexicon';
import { findPersonalData } from '@/lib/text/pii';
import { syntheticLexicon, syntheticPosts, utf8Mb } from './synthetic';

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
};

/** Lexicon MB/s of the own matcher beside @monyone/aho-corasick and naive indexOf, measured in one run. */
export async function runTextBench(print: (line: string) => void): Promise<void> {
  const posts = syntheticPosts(1, Number(process.env.BENCH_POSTS ?? 60_000));
  const mb = utf8Mb(posts);
  print(`text: ${posts.length} posts, ${mb.toFixed(1)} MB UTF-8`);
  for (const size of [20_000, 100_000]) {
    const terms = syntheticLexicon(size, size);
    let own!: Lexicon<number>;
    const ownBuild = time(() => (own = new Lexicon(terms.map((t, i) => ({ term: t, data: i })))));
    let ac!: AhoCorasick;
    const acBuild = time(() => (ac = new AhoCorasick(terms)));
    let ownMatches = 0;
    let acMatches = 0;
    const ownSec = time(() => posts.forEach((p) => (ownMatches += own.count(p))));
    const acSec = time(() => posts.forEach((p) => (acMatches += ac.matchInText(p).length)));
    const subset = posts.slice(0, 300);
    let naiveMatches = 0;
    const naiveSec = time(() => subset.forEach((p) => terms.forEach((t) => { for (let i = p.indexOf(t); i >= 0; i = p.indexOf(t, i + 1)) naiveMatches += 1; })));
    const naiveMbs = utf8Mb(subset) / naiveSec;
    let ownSubset = 0;
    subset.forEach((p) => (ownSubset += own.count(p)));
    print(`lexicon ${size / 1000}k terms: build own ${ownBuild.toFixed(2)} s, aho-corasick ${acBuild.toFixed(2)} s`);
    print(`  own matcher      ${(mb / ownSec).toFixed(1)} MB/s (${ownMatches} matches)`);
    print(`  @monyone/fast    ${(mb / acSec).toFixed(1)} MB/s (${acMatches} matches; merges duplicate terms)`);
    print(`  naive indexOf    ${naiveMbs.toFixed(2)} MB/s (300-post subset, extrapolated; ${naiveMatches} matches vs own ${ownSubset})`);
    print(`  ratio own / fastest package: ${((mb / ownSec) / (mb / acSec)).toFixed(2)}×`);
  }
  // Every 20th post carries a valid ID, a mobile and a Luhn-valid card, so the validators run too.
  const piiPosts = posts.map((p, i) => (i % 20 === 0 ? `${p}张某某 110101199003077571 电话13912345678 卡号4111111111111111` : p));
  let pii = 0;
  const piiSec = time(() => piiPosts.forEach((p) => (pii += findPersonalData(p).length)));
  print(`PII detection: ${(utf8Mb(piiPosts) / piiSec).toFixed(1)} MB/s (${pii} hits, expected ${Math.ceil(posts.length / 20) * 3})`);
}
