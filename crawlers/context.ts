import { z } from 'zod';
import { createBrowserFetcher } from './browser';
import { createHttpClient, type HttpClientOptions } from './http';
import { parseAllowHosts } from './net/address-guard';
import { egressProxiesSchema } from './net/proxy-config';
import { loadOrigins, sandboxOrigins, upstreamHostPolicy } from './origins';
import type { CrawlContext } from './types';

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);

const crawlerEnvSchema = z.object({
  CRAWLER_ALLOW_HOSTS: z.string().optional(),
  /** Demo mode: every upstream origin points at this local sandbox (`npm run sandbox:demo`), which is allowlisted. */
  CRAWLER_SANDBOX_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^https?$/ }).optional()),
  CRAWLER_TIMEOUT_MS: z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(20_000)),
  CRAWLER_MIN_DELAY_MS: z.preprocess(blankAsUnset, z.coerce.number().int().nonnegative().optional()),
  CHROMIUM_PATH: z.string().optional(),
  /** `identity=http://[user:pass@]host:port,…`: the forward proxy of each egress identity; others connect directly. */
  CRAWL_EGRESS_PROXIES: z.preprocess(blankAsUnset, egressProxiesSchema.default(new Map())),
});

export type CrawlEnv = z.infer<typeof crawlerEnvSchema>;

export function parseCrawlEnv(env: Record<string, string | undefined> = process.env): CrawlEnv {
  const parsed = crawlerEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid crawler environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Builds the shared crawl context for a worker process; one HttpClient keeps breakers and politeness across accounts. */
export function createCrawlContext(args: {
  now: Date;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  withBrowser?: boolean;
  http?: Partial<HttpClientOptions>;
  /** The job's egress identity: its proxy (CRAWL_EGRESS_PROXIES) carries every request; none = direct. */
  egress?: string;
}): CrawlContext {
  const env = args.env ?? process.env;
  const config = parseCrawlEnv(env);
  const proxy = args.egress ? config.CRAWL_EGRESS_PROXIES.get(args.egress) : undefined;
  const minDelay = config.CRAWLER_MIN_DELAY_MS;
  const sandbox = config.CRAWLER_SANDBOX_URL ? new URL(config.CRAWLER_SANDBOX_URL) : null;
  const allowHosts = [config.CRAWLER_ALLOW_HOSTS, sandbox?.host].filter(Boolean).join(',');
  const http = createHttpClient({
    allowHosts: parseAllowHosts(allowHosts || undefined),
    timeoutMs: config.CRAWLER_TIMEOUT_MS,
    hostPolicy: (host) => ({
      ...upstreamHostPolicy(host),
      ...(minDelay === undefined ? {} : { minDelayMs: minDelay }),
    }),
    log: (entry) => console.warn(JSON.stringify(entry)),
    proxy,
    ...args.http,
  });
  const browser = args.withBrowser
    ? createBrowserFetcher({ guard: http.guard, executablePath: config.CHROMIUM_PATH, upstream: proxy })
    : undefined;
  return {
    now: args.now,
    http,
    origins: sandbox ? sandboxOrigins(sandbox.origin) : loadOrigins(env),
    signal: args.signal,
    browser,
  };
}
