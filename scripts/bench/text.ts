import { AhoCorasick } from '@monyone/aho-corasick/fast';
import { Lexicon, MatchBuffer } from '@/lib/text/lexicon';
import { findPersonalData } from '@/lib/text/pii';
import { syntheticLexicon, syntheticPosts, utf8Mb } from './synthetic';

const time = (fn: () => void): number => {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ROUNDS = 3;

/**
 * Lexicon MB/s of the own matcher beside @monyone/aho-corasick and naive indexOf, measured in one run.
 * Engines alternate for ROUNDS rounds (median reported) so neither gets the warmer JIT or the quieter machine.
 * Every engine reports every overlapping match with its position: the own matcher into a reusable typed
 * buffer (`scan`), as the detectors' hot path does, and also as objects (`search`) for comparison.
 */
export async function runTextBench(print: (line: string) => void): Promise<void> {
  const posts = syntheticPosts(1, Number(process.env.BENCH_POSTS ?? 60_000));
  const mb = utf8Mb(posts);
  print(`text: ${posts.length} posts, ${mb.toFixed(1)} MB UTF-8; ${ROUNDS} alternating rounds, medians`);
  for (const size of [20_000, 100_000]) {
    const terms = syntheticLexicon(size, size);
    let own!: Lexicon<number>;
    const ownBuild = time(() => (own = new Lexicon(terms.map((t, i) => ({ term: t, data: i })))));
    let ac!: AhoCorasick;
    const acBuild = time(() => (ac = new AhoCorasick(terms)));
    const buf = new MatchBuffer();
    const secs = { scan: [] as number[], search: [] as number[], ac: [] as number[] };
    const found = { scan: 0, search: 0, ac: 0 };
    for (let round = 0; round < ROUNDS; round += 1) {
      found.scan = found.search = found.ac = 0;
      secs.scan.push(
        time(() =>
          posts.forEach((p) => {
            buf.length = 0;
            found.scan += own.scan(p, buf);
          }),
        ),
      );
      secs.ac.push(time(() => posts.forEach((p) => (found.ac += ac.matchInText(p).length))));
      secs.search.push(time(() => posts.forEach((p) => (found.search += own.search(p).length))));
    }
    const subset = posts.slice(0, 300);
    let naiveMatches = 0;
    const naiveSec = time(() =>
      subset.forEach((p) =>
        terms.forEach((t) => {
          for (let i = p.indexOf(t); i >= 0; i = p.indexOf(t, i + 1)) naiveMatches += 1;
        }),
      ),
    );
    const ownSubset = subset.reduce((n, p) => n + own.count(p), 0);
    const [scanMbs, searchMbs, acMbs] = [mb / median(secs.scan), mb / median(secs.search), mb / median(secs.ac)];
    print(`lexicon ${size / 1000}k terms: build own ${ownBuild.toFixed(2)} s, aho-corasick ${acBuild.toFixed(2)} s`);
    print(`  own scan (typed buffer)  ${scanMbs.toFixed(1)} MB/s (${found.scan} matches)`);
    print(`  own search (objects)     ${searchMbs.toFixed(1)} MB/s (${found.search} matches)`);
    print(`  @monyone/fast            ${acMbs.toFixed(1)} MB/s (${found.ac} matches; merges duplicate terms)`);
    print(
      `  naive indexOf            ${(utf8Mb(subset) / naiveSec).toFixed(2)} MB/s (300-post subset; ${naiveMatches} matches vs own ${ownSubset})`,
    );
    print(
      `  ratio own scan / fastest package: ${(scanMbs / acMbs).toFixed(2)}×; own search / package: ${(searchMbs / acMbs).toFixed(2)}×`,
    );
  }
  // Every 20th post carries a valid ID, a mobile and a Luhn-valid card, so the validators run too.
  const piiPosts = posts.map((p, i) =>
    i % 20 === 0 ? `${p}张某某 110101199003077571 电话13912345678 卡号4111111111111111` : p,
  );
  let pii = 0;
  const piiSec = time(() => piiPosts.forEach((p) => (pii += findPersonalData(p).length)));
  print(
    `PII detection: ${(utf8Mb(piiPosts) / piiSec).toFixed(1)} MB/s (${pii} hits, expected ${Math.ceil(posts.length / 20) * 3})`,
  );
}
