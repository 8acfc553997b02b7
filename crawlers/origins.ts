import { z } from 'zod';

// One base URL per upstream host (platform-formats §0) so tests and the sandbox can redirect every crawler.
export const ORIGIN_ENV = {
  weiboM: { env: 'WEIBO_M_ORIGIN', fallback: 'https://m.weibo.cn' },
  weiboPc: { env: 'WEIBO_PC_ORIGIN', fallback: 'https://weibo.com' },
  wechatMp: { env: 'WECHAT_MP_ORIGIN', fallback: 'https://mp.weixin.qq.com' },
  wechatApi: { env: 'WECHAT_API_ORIGIN', fallback: 'https://api.weixin.qq.com' },
  sogouWeixin: { env: 'SOGOU_WEIXIN_ORIGIN', fallback: 'https://weixin.sogou.com' },
  itunes: { env: 'ITUNES_ORIGIN', fallback: 'https://itunes.apple.com' },
  huawei: { env: 'HUAWEI_ORIGIN', fallback: 'https://web-drcn.hispace.dbankcloud.com' },
  huaweiLegacy: { env: 'HUAWEI_LEGACY_ORIGIN', fallback: 'https://web-drcn.hispace.dbankcloud.cn' },
  yingyongbao: { env: 'YINGYONGBAO_ORIGIN', fallback: 'https://sj.qq.com' },
  xiaomi: { env: 'XIAOMI_ORIGIN', fallback: 'https://app.mi.com' },
  rsshub: { env: 'RSSHUB_ORIGIN', fallback: 'https://rsshub.app' },
  weMpRss: { env: 'WE_MP_RSS_ORIGIN', fallback: 'http://we-mp-rss.invalid' },
} as const;

export type OriginKey = keyof typeof ORIGIN_ENV;
export type Origins = Record<OriginKey, string>;

/** Upstream host name each origin stands for; the sandbox mounts its routes under `/{host}`. */
export const ORIGIN_HOSTS: Record<OriginKey, string> = {
  weiboM: 'm.weibo.cn',
  weiboPc: 'weibo.com',
  wechatMp: 'mp.weixin.qq.com',
  wechatApi: 'api.weixin.qq.com',
  sogouWeixin: 'weixin.sogou.com',
  itunes: 'itunes.apple.com',
  huawei: 'web-drcn.hispace.dbankcloud.com',
  huaweiLegacy: 'web-drcn.hispace.dbankcloud.cn',
  yingyongbao: 'sj.qq.com',
  xiaomi: 'app.mi.com',
  rsshub: 'rsshub',
  weMpRss: 'we-mp-rss',
};

const originSchema = z
  .url({ protocol: /^https?$/ })
  .transform((value) => value.replace(/\/+$/, ''));

/** The one cast: ORIGIN_ENV's keys are exactly OriginKey, and `fn` yields a string for each. */
function mapOrigins(fn: (key: OriginKey) => string): Origins {
  const keys = Object.keys(ORIGIN_ENV) as OriginKey[];
  return Object.fromEntries(keys.map((key) => [key, fn(key)])) as Origins;
}

/** Reads every `*_ORIGIN` variable (trailing slashes dropped); unset or empty means the real platform. */
export function loadOrigins(env: Record<string, string | undefined> = process.env): Origins {
  return mapOrigins((key) => {
    const { env: name, fallback } = ORIGIN_ENV[key];
    const raw = env[name]?.trim() || fallback;
    const parsed = originSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
    return parsed.data;
  });
}

/** Points every origin at a sandbox base URL (`{base}/{upstream host}`). */
export function sandboxOrigins(baseUrl: string): Origins {
  const base = baseUrl.replace(/\/+$/, '');
  return mapOrigins((key) => `${base}/${ORIGIN_HOSTS[key]}`);
}
