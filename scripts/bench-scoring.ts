// npm run bench:scoring — prints matcher, PII and end-to-end scoring throughput, measured side by side in one run.
import { runScoringBench } from './bench/scoring';
import { runTextBench } from './bench/text';

const print = (line: string) => console.log(line);
print(`node ${process.version}, ${new Date().toISOString()}`);
await runTextBench(print);
await runScoringBench(print);
