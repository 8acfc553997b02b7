import { z } from 'zod';
import type { HostPolicy } from './net/politeness';

type UpstreamHost = {
  /** Variable that redirects this host (tests, a proxy); unset or empty means `origin`. */
  env: string;
  /** The real base URL. */
  origin: string;
  /** Folder the sandbox mounts this host's routes under; the origin's host name unless it has none worth keeping. */
  sandboxPath?: string;
  /** Politeness towards the real host (per host name), on top of DEFAULT_HOST_POLICY. */
  politeness?: Partial<HostPolicy>;
};

/**
 * The one table of upstream hosts (docs/platform-formats.md §0): base URL, its override variable, its sandbox folder and its
 * politeness. A new upstream host is one row here.
 */
export const UPSTREAM_HOSTS = {
  // weibo-crawler waits 8–15 s between calls (docs/platform-formats.md §1.7).
  weiboM: {
    env: 'WEIBO_M_ORIGIN',
    origin: 'https://m.weibo.cn',
    politeness: { maxConcurrency: 1, minDelayMs: 4000, jitter: 1 },
  },
  weiboPc: {
    env: 'WEIBO_PC_ORIGIN',
    origin: 'https://weibo.com',
    politeness: { maxConcurrency: 1, minDelayMs: 4000, jitter: 1 },
  },
  wechatMp: {
    env: 'WECHAT_MP_ORIGIN',
    origin: 'https://mp.weixin.qq.com',
    politeness: { maxConcurrency: 1, minDelayMs: 2000, jitter: 0.5 },
  },
  wechatApi: { env: 'WECHAT_API_ORIGIN', origin: 'https://api.weixin.qq.com' },
  sogouWeixin: {
    env: 'SOGOU_WEIXIN_ORIGIN',
    origin: 'https://weixin.sogou.com',
    politeness: { maxConcurrency: 1, minDelayMs: 10_000, jitter: 0.5 },
  },
  // Apple: "approximately 20 calls per minute" (docs/platform-formats.md §3.1).
  itunes: {
    env: 'ITUNES_ORIGIN',
    origin: 'https://itunes.apple.com',
    politeness: { maxConcurrency: 1, minDelayMs: 3000, jitter: 0.3 },
  },
  huawei: {
    env: 'HUAWEI_ORIGIN',
    origin: 'https://web-drcn.hispace.dbankcloud.com',
    politeness: { maxConcurrency: 1, minDelayMs: 1000, jitter: 0.5 },
  },
  huaweiLegacy: {
    env: 'HUAWEI_LEGACY_ORIGIN',
    origin: 'https://web-drcn.hispace.dbankcloud.cn',
    politeness: { maxConcurrency: 1, minDelayMs: 1000, jitter: 0.5 },
  },
  yingyongbao: {
    env: 'YINGYONGBAO_ORIGIN',
    origin: 'https://sj.qq.com',
    politeness: { maxConcurrency: 1, minDelayMs: 1000, jitter: 0.5 },
  },
  xiaomi: {
    env: 'XIAOMI_ORIGIN',
    origin: 'https://app.mi.com',
    politeness: { maxConcurrency: 1, minDelayMs: 1000, jitter: 0.5 },
  },
  // Self-hosted bridges: no real host name, so the sandbox uses a short folder.
  rsshub: { env: 'RSSHUB_ORIGIN', origin: 'https://rsshub.app', sandboxPath: 'rsshub' },
  weMpRss: { env: 'WE_MP_RSS_ORIGIN', origin: 'http://we-mp-rss.invalid', sandboxPath: 'we-mp-rss' },
} as const satisfies Record<string, UpstreamHost>;

export type OriginKey = keyof typeof UPSTREAM_HOSTS;
export type Origins = Record<OriginKey, string>;

const hostOf = (key: OriginKey): UpstreamHost => UPSTREAM_HOSTS[key];

/** Upstream host name (or sandbox folder) each origin stands for; the sandbox mounts its routes under `/{path}`. */
export const sandboxPathOf = (key: OriginKey): string => hostOf(key).sandboxPath ?? new URL(hostOf(key).origin).host;

const POLITENESS_BY_HOST: ReadonlyMap<string, Partial<HostPolicy>> = new Map(
  (Object.keys(UPSTREAM_HOSTS) as OriginKey[]).flatMap((key) => {
    const { origin, politeness } = hostOf(key);
    return politeness ? [[new URL(origin).hostname, politeness] as const] : [];
  }),
);

/** Politeness towards a real upstream host (`host` may carry a port); empty for any other host. */
export const upstreamHostPolicy = (host: string): Partial<HostPolicy> =>
  POLITENESS_BY_HOST.get(host.replace(/:\d+$/, '')) ?? {};

const originSchema = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ''));

/** The one cast: UPSTREAM_HOSTS's keys are exactly OriginKey, and `fn` yields a string for each. */
function mapOrigins(fn: (key: OriginKey) => string): Origins {
  const keys = Object.keys(UPSTREAM_HOSTS) as OriginKey[];
  return Object.fromEntries(keys.map((key) => [key, fn(key)])) as Origins;
}

/** Reads every `*_ORIGIN` variable (trailing slashes dropped); unset or empty means the real platform. */
export function loadOrigins(env: Record<string, string | undefined> = process.env): Origins {
  return mapOrigins((key) => {
    const { env: name, origin } = hostOf(key);
    const raw = env[name]?.trim() || origin;
    const parsed = originSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
    return parsed.data;
  });
}

/** Points every origin at a sandbox base URL (`{base}/{upstream host}`). */
export function sandboxOrigins(baseUrl: string): Origins {
  const base = baseUrl.replace(/\/+$/, '');
  return mapOrigins((key) => `${base}/${sandboxPathOf(key)}`);
}
