import { z } from 'zod';
import type { AppStoreCode } from '@/lib/schemas/enums';
import { guardCrawl } from '../../outcome';
import type { CrawlContext, Crawler, CrawlTarget } from '../../types';
import type { InterfaceCodeCache } from '../huawei/client';
import { HUAWEI_DEFAULTS, huaweiOptionsSchema, readHuawei } from '../huawei';
import { readXiaomi } from '../xiaomi';
import { readYingyongbao, yingyongbaoOptionsSchema } from '../yingyongbao';
import { appSnapshot, attemptStore, LOOKALIKE_DEFAULTS, type StoreAttempt } from './reading';

// Android apps, read in each configured store; the account handle is the package name.

const ANDROID_STORES = ['HUAWEI', 'YINGYONGBAO', 'XIAOMI'] as const satisfies readonly AppStoreCode[];

const configSchema = z.looseObject({
  android: z
    .looseObject({
      stores: z
        .array(z.enum(ANDROID_STORES))
        .min(1)
        .default([...ANDROID_STORES]),
    })
    .default({ stores: [...ANDROID_STORES] }),
  huawei: huaweiOptionsSchema.default(HUAWEI_DEFAULTS),
  yingyongbao: yingyongbaoOptionsSchema.default(LOOKALIKE_DEFAULTS),
});

export function createAndroidCrawler(codes: InterfaceCodeCache = new Map()): Crawler {
  return {
    platform: 'APP_ANDROID',
    crawl: (target, ctx) => guardCrawl(target, ctx, () => crawlAndroid(target, ctx, codes)),
  };
}

/** The production crawler; its Huawei interface code lives as long as the worker process. */
export const androidCrawler: Crawler = createAndroidCrawler();

async function crawlAndroid(target: CrawlTarget, ctx: CrawlContext, codes: InterfaceCodeCache) {
  const config = configSchema.parse(target.crawlConfig ?? {});
  const attempts: StoreAttempt[] = [];
  for (const store of [...new Set(config.android.stores)]) {
    if (store === 'HUAWEI')
      attempts.push(await attemptStore(store, () => readHuawei(target, ctx, config.huawei, codes)));
    else if (store === 'YINGYONGBAO')
      attempts.push(await attemptStore(store, () => readYingyongbao(target, ctx, config.yingyongbao)));
    else attempts.push(await attemptStore(store, () => readXiaomi(target, ctx)));
  }
  return appSnapshot(target, ctx, attempts);
}
