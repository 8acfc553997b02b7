// `npm run sandbox:demo [-- --port 4010] [--now <ISO>]`: serves the demo province 江川省 over the platforms' wire
// formats, so the worker crawls it like real accounts (npm run dev starts it with CRAWLER_SANDBOX_URL).
// Without --now the province is generated at the monitoring time of the database's first inspection (the demo
// seed's moment), so crawls return the very posts the seed stored and ingest sees no phantom edits.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/db/client';
import { buildDemoProvince, toSandboxScenario } from '@/lib/demo';
import { findFirstMonitoringAt } from '@/lib/services/find-first-monitoring-at';
import { startSandbox } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    now: { type: 'string' },
  },
});

async function seedMoment(): Promise<Date> {
  if (values.now) {
    const at = new Date(values.now);
    if (Number.isNaN(at.getTime())) throw new Error(`--now: not an ISO date: ${values.now}`);
    return at;
  }
  const url = process.env.DATABASE_URL;
  if (!url) return new Date();
  const db = createPrismaClient(url, 1);
  try {
    return (await findFirstMonitoringAt(db)) ?? new Date();
  } finally {
    await db.$disconnect();
  }
}

const now = await seedMoment();
const scenario = toSandboxScenario(buildDemoProvince({ now }));
const sandbox = await startSandbox({ port: Number(values.port), host: values.host, scenario });
const platforms = [...new Set(scenario.accounts.map((a) => a.platform))];
console.log(
  JSON.stringify({
    event: 'sandbox_started',
    url: sandbox.url,
    scenario: scenario.name,
    provinceAt: now.toISOString(),
    accounts: scenario.accounts.length,
    platforms,
  }),
);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
