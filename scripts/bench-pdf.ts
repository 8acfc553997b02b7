// `npm run bench:pdf`: BENCH_PDF_CONCURRENCY (default 6) concurrent PDF exports of the fixture notice, printed
// (a) the old way, one Chromium launched per export, and (b) on one shared browser with a bounded page pool
// (lib/export/pdf-pool.ts, PDF_POOL_SIZE). Prints each export's latency, the wall time, the launches, and how much
// slower "the rest of the app" got meanwhile: a probe process times a fixed piece of CPU work (sha256 of 4 MB) every
// 200 ms, as a request handler would need it, before and during each run.
// Measurements belong in docs/benchmarks.md; this is not a test.
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { exportLabels } from '@/lib/export/labels';
import { launchSystemChromium, PdfPool, pdfPoolOptionsFromEnv } from '@/lib/export/pdf-pool';
import { renderPdf } from '@/lib/export/render-pdf';
import { fixtureDocument } from '../tests/helpers/export-fixture';

const N = Number(process.env.BENCH_PDF_CONCURRENCY ?? 6);
const labels = exportLabels('zh-CN');
const doc = fixtureDocument();

const PROBE = `const {createHash}=require('node:crypto');const b=Buffer.alloc(4<<20,7);setInterval(()=>{const t=performance.now();createHash('sha256').update(b).digest();console.log((performance.now()-t).toFixed(2))},200)`;

/** Runs `fn` while the probe works; returns the probe's median and 90th percentile in ms. */
async function probed<T>(fn: () => Promise<T>): Promise<{ result: T; median: number; p90: number }> {
  const probe = spawn(process.execPath, ['-e', PROBE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const samples: number[] = [];
  probe.stdout.on('data', (chunk: Buffer) =>
    samples.push(...chunk.toString().trim().split('\n').map(Number).filter(Number.isFinite)),
  );
  try {
    const result = await fn();
    return { result, ...quantiles(samples) };
  } finally {
    probe.kill();
  }
}

function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, p90: sorted[Math.floor(sorted.length * 0.9)] ?? 0 };
}

async function run(label: string, poolFor: () => PdfPool): Promise<void> {
  const { result, median: probeMedian, p90: probeP90 } = await probed(() => renders(poolFor));
  console.log(
    `${label.padEnd(34)} ${result} · probe median ${probeMedian.toFixed(1)} ms, p90 ${probeP90.toFixed(1)} ms`,
  );
}

async function renders(poolFor: () => PdfPool): Promise<string> {
  const pools = new Set<PdfPool>();
  const started = performance.now();
  const latencies = await Promise.all(
    Array.from({ length: N }, async () => {
      const pool = poolFor();
      pools.add(pool);
      const t = performance.now();
      await renderPdf(doc, labels, pool);
      return performance.now() - t;
    }),
  );
  const wall = performance.now() - started;
  const launches = [...pools].reduce((n, p) => n + p.snapshot().launches, 0);
  const maxPages = Math.max(...[...pools].map((p) => p.snapshot().maxOpenPages));
  await Promise.all([...pools].map((p) => p.close()));
  latencies.sort((a, b) => a - b);
  const median = latencies[Math.floor(latencies.length / 2)] ?? 0;
  return `wall ${(wall / 1000).toFixed(1).padStart(5)} s · per export median ${(median / 1000).toFixed(1)} s, max ${((latencies.at(-1) ?? 0) / 1000).toFixed(1)} s · browsers ${launches} · pages at once ≤ ${maxPages}`;
}

const options = pdfPoolOptionsFromEnv();
const idle = await probed(() => new Promise((resolve) => setTimeout(resolve, 5000)));
console.log(
  `${N} concurrent PDF exports of the fixture notice (${new Date().toISOString()}, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${cpus().length} CPUs)`,
);
console.log(
  `${'no export running'.padEnd(34)} probe median ${idle.median.toFixed(1)} ms, p90 ${idle.p90.toFixed(1)} ms`,
);
await run(
  'one browser per export (before)',
  () => new PdfPool({ size: 1, idleMs: 1000, maxQueued: 0, launch: launchSystemChromium }),
);
const shared = new PdfPool({ ...options, maxQueued: Math.max(options.maxQueued, N) });
await run(`shared browser, ${options.size} pages (now)`, () => shared);
const warm = new PdfPool({ ...options, maxQueued: Math.max(options.maxQueued, N) });
await renderPdf(doc, labels, warm);
await run(`same, browser already running`, () => warm);
