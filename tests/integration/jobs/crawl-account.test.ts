import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { createHttpClient } from '@/crawlers/http';
import { sandboxOrigins } from '@/crawlers/origins';
import { guardCrawl } from '@/crawlers/outcome';
import type { AccountCrawler, CrawlContext, CrawlTarget } from '@/crawlers/types';
import { crawlSince } from '@/lib/services/plan-crawl';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// A tiny upstream speaking JSON over real HTTP, read by a fixture crawler through the real HttpClient:
// the job, the HTTP error mapping and the ingest path are all the production code.
let mode: 'ok' | 'teapot' = 'ok';
let requests = 0;
const server: Server = createServer((req, res) => {
  requests += 1;
  if (mode === 'teapot') {
    res.writeHead(418).end('slow down');
    return;
  }
  const body = {
    name: '江川发布',
    posts: [
      { id: 'p1', text: '通知', at: '2026-05-09T02:00:00Z' },
      { id: 'p2', text: '公告', at: '2026-05-10T01:00:00Z' },
    ],
  };
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
});

const feedSchema = z.object({
  name: z.string(),
  posts: z.array(z.object({ id: z.string(), text: z.string(), at: z.coerce.date() })),
});
const fixtureCrawler: AccountCrawler<CrawlContext> = {
  crawl: (target: CrawlTarget, ctx: CrawlContext) =>
    guardCrawl(target, ctx, async () => {
      const feed = await ctx.http.fetchJson({
        url: `${ctx.origins.weiboM}/feed?uid=${target.handle}`,
        scope: 'WEIBO',
        schema: feedSchema,
      });
      return {
        accountId: target.accountId,
        platform: target.platform,
        fetchedAt: ctx.now,
        outcome: { ok: true, partial: false },
        profile: { displayName: feed.name },
        posts: feed.posts.map((p) => ({
          platformPostId: p.id,
          text: p.text,
          publishedAt: p.at,
          isPinned: false,
          isRepost: false,
          links: [],
          comments: [],
        })),
        coverage: { from: target.since, to: ctx.now },
        deletedPostIds: [],
        appReleases: [],
        storeListings: [],
      };
    }),
};

let t: TestDatabase;
let origin: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.drop();
});

function context(now: Date): CrawlContext {
  const http = createHttpClient({
    allowHosts: [new URL(origin).host],
    backoff: { maxRetries: 0, maxRateLimitRetries: 0 },
    breaker: { failureThreshold: 1000 },
  });
  return { now, http, origins: sandboxOrigins(origin) };
}

describe('runCrawlAccount', () => {
  it('stores posts, a CrawlRun and covered days; the next crawl starts at the last covered day', async () => {
    mode = 'ok';
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id);
    const now = new Date('2026-05-10T04:00:00Z');
    const summary = await runCrawlAccount({
      now,
      db: t.db,
      accountId: account.id,
      crawlers: () => fixtureCrawler,
      ctx: context(now),
    });
    expect(summary).toMatchObject({ status: 'SUCCEEDED', errorKind: null, since: '2026-03-11T04:00:00.000Z' });
    expect(await t.db.post.count({ where: { accountId: account.id } })).toBe(2);
    const covered = await t.db.crawlCoverage.count({ where: { accountId: account.id, status: 'COVERED' } });
    expect(covered).toBe(60);
    const run = await t.db.crawlRun.findFirstOrThrow({ where: { accountId: account.id } });
    expect([run.status, run.slotKey]).toEqual(['SUCCEEDED', `crawl:${account.id}:2026-05-10T04:00:00.000Z`]);
    expect((await t.db.account.findUniqueOrThrow({ where: { id: account.id } })).nextCrawlAt?.toISOString()).toBe(
      '2026-05-10T10:00:00.000Z',
    );
    // The last covered day or a week back, whichever is earlier; never more than 60 days.
    expect(crawlSince(new Date('2026-05-11T04:00:00Z'), '2026-05-10').toISOString()).toBe('2026-05-03T16:00:00.000Z');
    expect(crawlSince(new Date('2026-05-11T04:00:00Z'), '2026-04-20').toISOString()).toBe('2026-04-19T16:00:00.000Z');
    expect(crawlSince(new Date('2026-05-11T04:00:00Z'), '2026-01-01').toISOString()).toBe('2026-03-12T04:00:00.000Z');
    expect(crawlSince(new Date('2026-05-11T04:00:00Z'), null).toISOString()).toBe('2026-03-12T04:00:00.000Z');
  });

  it('HTTP 418 on ten consecutive days leaves ten FAILED coverage days and no posts', async () => {
    mode = 'teapot';
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id);
    const before = requests;
    for (let day = 1; day <= 10; day += 1) {
      const now = new Date(`2026-06-${String(day).padStart(2, '0')}T03:00:00Z`);
      const summary = await runCrawlAccount({
        now,
        db: t.db,
        accountId: account.id,
        crawlers: () => fixtureCrawler,
        ctx: context(now),
      });
      expect(summary).toMatchObject({ status: 'FAILED', errorKind: 'RATE_LIMITED' });
    }
    expect(requests - before).toBe(10);
    const coverage = await t.db.crawlCoverage.findMany({ where: { accountId: account.id }, orderBy: { day: 'asc' } });
    expect(coverage.map((c) => [c.day.toISOString().slice(0, 10), c.status, c.errorKind])).toEqual(
      Array.from({ length: 10 }, (_, i) => [`2026-06-${String(i + 1).padStart(2, '0')}`, 'FAILED', 'RATE_LIMITED']),
    );
    const runs = await t.db.crawlRun.findMany({ where: { accountId: account.id } });
    expect(runs.map((r) => [r.status, r.httpStatus])).toEqual(Array.from({ length: 10 }, () => ['FAILED', 418]));
    expect(await t.db.post.count({ where: { accountId: account.id } })).toBe(0);
  });

  it('a crawler that throws, or a platform without a crawler, is recorded as a FAILED INTERNAL day', async () => {
    const account = await createTestAccount(t.db, (await createTestAgency(t.db)).id);
    const now = new Date('2026-07-01T03:00:00Z');
    const throwing: AccountCrawler<CrawlContext> = { crawl: async () => Promise.reject(new Error('bug in crawler')) };
    const thrown = await runCrawlAccount({
      now,
      db: t.db,
      accountId: account.id,
      crawlers: () => throwing,
      ctx: context(now),
    });
    expect(thrown).toMatchObject({ status: 'FAILED', errorKind: 'INTERNAL' });
    const later = new Date('2026-07-02T03:00:00Z');
    const missing = await runCrawlAccount({
      now: later,
      db: t.db,
      accountId: account.id,
      crawlers: () => null,
      ctx: context(later),
    });
    expect(missing).toMatchObject({ status: 'FAILED', errorKind: 'INTERNAL' });
    const days = await t.db.crawlCoverage.findMany({ where: { accountId: account.id }, orderBy: { day: 'asc' } });
    expect(days.map((d) => [d.status, d.errorKind])).toEqual([
      ['FAILED', 'INTERNAL'],
      ['FAILED', 'INTERNAL'],
    ]);
    const runs = await t.db.crawlRun.findMany({ where: { accountId: account.id }, orderBy: { requestedAt: 'asc' } });
    expect(runs.map((r) => r.errorMessage)).toEqual(['bug in crawler', 'no crawler for platform WEIBO']);
  });
});
