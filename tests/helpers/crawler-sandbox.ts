import { readFileSync } from 'node:fs';
import { createHttpClient, type HttpClientOptions } from '@/crawlers/http';
import { startSandbox, type SandboxHandle } from '@/crawlers/sandbox/server';
import type { ScenarioInput } from '@/crawlers/sandbox/scenario';
import type { CrawlContext } from '@/crawlers/types';

export function loadScenarioFile(name: string): ScenarioInput {
  const parsed: unknown = JSON.parse(
    readFileSync(new URL(`../../crawlers/sandbox/scenarios/${name}`, import.meta.url), 'utf8'),
  );
  if (!parsed || typeof parsed !== 'object') throw new Error(`Scenario ${name} is not an object`);
  return parsed;
}

export async function startTestSandbox(scenario: ScenarioInput): Promise<SandboxHandle> {
  return startSandbox({ port: 0, scenario });
}

/** A context aimed at the sandbox: allowlisted, no politeness delay, retries without real sleeping. */
export function sandboxContext(sandbox: SandboxHandle, now: Date, http: Partial<HttpClientOptions> = {}): CrawlContext {
  const client = createHttpClient({
    allowHosts: [sandbox.hostPort],
    timeoutMs: 2000,
    hostPolicy: () => ({ minDelayMs: 0, jitter: 0, maxConcurrency: 4 }),
    sleep: async () => {},
    ...http,
  });
  return { now, http: client, origins: sandbox.origins };
}
