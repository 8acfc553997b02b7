import { z } from 'zod';
import { DEFAULT_LINK_CHECK_LIMITS, type LinkCheckLimits } from '@/lib/services/collect-link-targets';
import { parseCrawlEnv } from '../context';
import { isHostAllowlisted, parseAllowHosts } from '../net/address-guard';
import { upstreamHostPolicy } from '../origins';
import { createLinkChecker, LINK_CHECK_DEFAULTS, type LinkChecker } from './check-link';

const blankAsUnset = (value: unknown) => (value === '' ? undefined : value);
const positiveInt = (fallback: number) =>
  z.preprocess(blankAsUnset, z.coerce.number().int().positive().default(fallback));

const linkEnvSchema = z.object({
  /** `off` schedules no link checks (D6 then stays INSUFFICIENT_DATA for accounts with links). */
  WORKER_LINK_CHECKS: z.preprocess(blankAsUnset, z.enum(['on', 'off']).default('on')),
  LINK_CHECK_TIMEOUT_MS: positiveInt(LINK_CHECK_DEFAULTS.timeoutMs),
  LINK_CHECK_MIN_DELAY_MS: z.preprocess(
    blankAsUnset,
    z.coerce.number().int().nonnegative().default(LINK_CHECK_DEFAULTS.minDelayMs),
  ),
  LINK_CHECK_MAX_PER_ACCOUNT: positiveInt(DEFAULT_LINK_CHECK_LIMITS.maxLinks),
  LINK_CHECK_RECHECK_HOURS: positiveInt(DEFAULT_LINK_CHECK_LIMITS.recheckHours),
});
export type LinkCheckEnv = z.infer<typeof linkEnvSchema>;

export function parseLinkCheckEnv(env: Record<string, string | undefined> = process.env): LinkCheckEnv {
  const parsed = linkEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid link-check environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export type LinkCheckRuntime = {
  checker: LinkChecker;
  limits: LinkCheckLimits;
  /** In demo mode (CRAWLER_SANDBOX_URL) only the sandbox is reachable: links elsewhere are left unchecked, never called dead. */
  acceptUrl: (url: string) => boolean;
};

/** One checker per worker process: the per-host limit (one request at a time) spans every account's links. */
export function createLinkCheckRuntime(env: Record<string, string | undefined> = process.env): LinkCheckRuntime {
  const crawl = parseCrawlEnv(env);
  const links = parseLinkCheckEnv(env);
  const sandbox = crawl.CRAWLER_SANDBOX_URL ? new URL(crawl.CRAWLER_SANDBOX_URL) : null;
  const allowHosts = parseAllowHosts([crawl.CRAWLER_ALLOW_HOSTS, sandbox?.host].filter(Boolean).join(',') || undefined);
  const checker = createLinkChecker({
    allowHosts,
    timeoutMs: links.LINK_CHECK_TIMEOUT_MS,
    // Platform hosts keep the crawlers' gaps (articles on mp.weixin.qq.com are links too); others get the link gap.
    hostPolicy: (host) => ({ minDelayMs: links.LINK_CHECK_MIN_DELAY_MS, ...upstreamHostPolicy(host) }),
  });
  const acceptUrl = (url: string) => {
    if (!sandbox) return true;
    try {
      return isHostAllowlisted(new URL(url), [sandbox.host]);
    } catch {
      return false;
    }
  };
  return {
    checker,
    limits: { maxLinks: links.LINK_CHECK_MAX_PER_ACCOUNT, recheckHours: links.LINK_CHECK_RECHECK_HOURS },
    acceptUrl,
  };
}
