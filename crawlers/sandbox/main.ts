import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseScenario } from './scenario';
import { startSandbox } from './server';

// `npm run sandbox -- --port 4010 --scenario crawlers/sandbox/scenarios/weibo-basic.json`
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string' },
  },
});
if (!values.scenario) {
  console.error('Usage: tsx crawlers/sandbox/main.ts --port 4010 --scenario <file.json>');
  process.exit(2);
}
const file = values.scenario;
const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
const sandbox = await startSandbox({ port: Number(values.port), host: values.host, scenario });
console.log(
  JSON.stringify({
    event: 'sandbox_started',
    url: sandbox.url,
    scenario: scenario.name,
    allowHosts: sandbox.hostPort,
    origins: sandbox.origins,
  }),
);

const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
