import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCrawlAccount } from '@/crawlers/jobs/crawl-account';
import { createHttpClient } from '@/crawlers/http';
import { sandboxOrigins } from '@/crawlers/origins';
import { guardCrawl } from '@/crawlers/outcome';
import type { AccountCrawler, CrawlContext, CrawlTarget } from '@/crawlers/types';
import type { Access } from '@/lib/access';
import {
  addCredential,
  attachCredential,
  listCredentials,
  removeCredential,
  replaceCredential,
} from '@/lib/services/manage-credentials';
import { checkCredentialKey, createCredentialResolver } from '@/lib/services/resolve-credential';
import { loadCredentialKeyRing } from '@/lib/security/credentials';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const COOKIE = `SUB=_2A25secret${randomBytes(6).toString('hex')}`;
// Upstream that only answers a request carrying the right cookie; 401 (AUTH) otherwise.
let acceptedCookie = COOKIE;
const server: Server = createServer((req, res) => {
  if (req.headers.cookie !== acceptedCookie) return void res.writeHead(401).end('login required');
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: '江川发布' }));
});
const cookieCrawler: AccountCrawler<CrawlContext> = {
  crawl: (target: CrawlTarget, ctx: CrawlContext) =>
    guardCrawl(target, ctx, async () => {
      const cookie = z.object({ cookie: z.string() }).safeParse(target.credential);
      const feed = await ctx.http.fetchJson({
        url: `${ctx.origins.weiboM}/me`,
        scope: 'WEIBO',
        schema: z.object({ name: z.string() }),
        headers: cookie.success ? { cookie: cookie.data.cookie } : {},
      });
      return {
        accountId: target.accountId,
        platform: target.platform,
        fetchedAt: ctx.now,
        outcome: { ok: true, partial: false },
        profile: { displayName: feed.name },
        posts: [],
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

const context = (now: Date): CrawlContext => ({
  now,
  origins: sandboxOrigins(origin),
  http: createHttpClient({
    allowHosts: [new URL(origin).host],
    backoff: { maxRetries: 0, maxRateLimitRetries: 0 },
    breaker: { failureThreshold: 1000 },
  }),
});
const KEY_A = randomBytes(32).toString('base64');
const KEY_B = randomBytes(32).toString('hex');
const ringA = () => loadCredentialKeyRing({ CREDENTIALS_KEY: KEY_A });
const grant = (role: 'ADMIN' | 'SUPERVISOR', agencyId: string, userId = `u-${role}`): Access => ({
  userId,
  name: role,
  email: `${role}@x`,
  locale: 'zh-CN',
  grants: [{ role, agencyId, agencyName: '' }],
});

describe('platform credentials', () => {
  it('are stored sealed, listed and audited with the masked hint only, and decrypted for the crawl', async () => {
    const root = await createTestAgency(t.db);
    const admin = grant('ADMIN', root.id);
    const account = await createTestAccount(t.db, (await createTestAgency(t.db, { parentId: root.id })).id);
    const { id } = await addCredential({
      access: admin,
      db: t.db,
      keys: ringA,
      input: { label: '江川发布微博', payload: { kind: 'WEIBO_COOKIE', cookie: COOKIE } },
    });
    const row = await t.db.platformCredential.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ platformCode: 'WEIBO', kind: 'WEIBO_COOKIE', keyId: ringA().current.id });
    expect(Buffer.from(row.ciphertext).toString('latin1')).not.toContain('secret');
    expect(row.secretHint).toMatch(/^cookie \d+ chars …[0-9a-f]{4}$/);
    const listed = await listCredentials({ access: admin, db: t.db });
    expect(JSON.stringify(listed)).not.toContain(COOKIE);
    expect(listed[0]).not.toHaveProperty('ciphertext');

    await attachCredential({ access: admin, db: t.db, input: { accountId: account.id, credentialId: id } });
    const resolver = createCredentialResolver({ db: t.db, keys: ringA });
    const now = new Date('2026-05-10T04:00:00Z');
    const ok = await runCrawlAccount({
      now,
      db: t.db,
      accountId: account.id,
      crawlers: () => cookieCrawler,
      ctx: context(now),
      resolveCredential: resolver.resolve,
      reportCredential: resolver.report,
    });
    expect(ok).toMatchObject({ status: 'SUCCEEDED' });
    expect(await t.db.platformCredential.findUniqueOrThrow({ where: { id } })).toMatchObject({
      lastError: null,
      lastUsedAt: expect.any(Date),
    });

    // Without the hook the same account crawls anonymously and the upstream refuses it.
    const anonymous = await runCrawlAccount({
      now,
      db: t.db,
      accountId: account.id,
      crawlers: () => cookieCrawler,
      ctx: context(now),
    });
    expect(anonymous).toMatchObject({ status: 'FAILED', errorKind: 'AUTH' });

    const audits = await t.db.auditLog.findMany({
      where: { entityId: { in: [id, account.id] } },
      orderBy: { at: 'asc' },
    });
    expect(audits.map((a) => a.action)).toEqual(['credential.create', 'account.attach-credential']);
    expect(JSON.stringify(audits)).not.toContain(COOKIE);
    expect(JSON.stringify(audits)).toContain(row.secretHint);
  });

  it('a wrong key, an expired credential or a refused cookie fail the crawl as AUTH and show lastError; rotation keeps old rows readable', async () => {
    const root = await createTestAgency(t.db);
    const admin = grant('ADMIN', root.id);
    const account = await createTestAccount(t.db, root.id);
    const { id } = await addCredential({
      access: admin,
      db: t.db,
      keys: ringA,
      input: { label: '旧钥匙', payload: { kind: 'WEIBO_COOKIE', cookie: COOKIE } },
    });
    await attachCredential({ access: admin, db: t.db, input: { accountId: account.id, credentialId: id } });
    const now = new Date('2026-05-11T04:00:00Z');
    const crawlWith = (keys: () => ReturnType<typeof ringA>, at = now) => {
      const r = createCredentialResolver({ db: t.db, keys, clock: () => at });
      return runCrawlAccount({
        now: at,
        db: t.db,
        accountId: account.id,
        crawlers: () => cookieCrawler,
        ctx: context(at),
        resolveCredential: r.resolve,
        reportCredential: r.report,
      });
    };
    expect(await crawlWith(() => loadCredentialKeyRing({ CREDENTIALS_KEY: KEY_B }))).toMatchObject({
      status: 'FAILED',
      errorKind: 'AUTH',
    });
    const failed = await t.db.platformCredential.findUniqueOrThrow({ where: { id } });
    expect(failed.lastError).toMatch(/neither CREDENTIALS_KEY nor in CREDENTIALS_KEY_PREVIOUS/);
    expect(failed.lastError).not.toContain(COOKIE);
    const run = await t.db.crawlRun.findFirstOrThrow({
      where: { accountId: account.id },
      orderBy: { startedAt: 'desc' },
    });
    expect(JSON.stringify(run)).not.toContain(COOKIE);

    const rotated = () => loadCredentialKeyRing({ CREDENTIALS_KEY: KEY_B, CREDENTIALS_KEY_PREVIOUS: KEY_A });
    expect(await crawlWith(rotated)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await t.db.platformCredential.findUniqueOrThrow({ where: { id } })).lastError).toBeNull();

    acceptedCookie = 'something-else';
    expect(await crawlWith(rotated)).toMatchObject({ status: 'FAILED', errorKind: 'AUTH' });
    expect((await t.db.platformCredential.findUniqueOrThrow({ where: { id } })).lastError).toMatch(
      /platform refused the credential \(AUTH\)/,
    );
    acceptedCookie = COOKIE;

    await replaceCredential({
      access: admin,
      db: t.db,
      keys: rotated,
      input: { id, expiresAt: '2026-05-12T00:00:00Z', payload: { kind: 'WEIBO_COOKIE', cookie: COOKIE } },
    });
    const replaced = await t.db.platformCredential.findUniqueOrThrow({ where: { id } });
    expect([replaced.keyId, replaced.lastError]).toEqual([rotated().current.id, null]);
    expect(await crawlWith(() => loadCredentialKeyRing({ CREDENTIALS_KEY: KEY_B }))).toMatchObject({
      status: 'SUCCEEDED',
    });
    expect(await crawlWith(rotated, new Date('2026-05-12T01:00:00Z'))).toMatchObject({
      status: 'FAILED',
      errorKind: 'AUTH',
    });
    expect((await t.db.platformCredential.findUniqueOrThrow({ where: { id } })).lastError).toMatch(
      /^expired at 2026-05-12/,
    );
  });

  it('refuses other roles, other platforms, accounts outside the scope, and changes by a non-creator below the root', async () => {
    const root = await createTestAgency(t.db);
    const county = await createTestAgency(t.db, { parentId: root.id, level: 'COUNTY' });
    const sibling = await createTestAgency(t.db, { parentId: root.id, level: 'COUNTY' });
    const rootAdmin = grant('ADMIN', root.id, 'root-admin');
    const countyAdmin = grant('ADMIN', county.id, 'county-admin');
    const payload = { kind: 'WECHAT_OFFICIAL_API', appId: 'wx1234567890abcdef', appSecret: 'f'.repeat(32) };
    await expect(
      addCredential({
        access: grant('SUPERVISOR', root.id),
        db: t.db,
        keys: ringA,
        input: { label: '公众号', payload },
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      addCredential({
        access: rootAdmin,
        db: t.db,
        keys: () => loadCredentialKeyRing({}),
        input: { label: '公众号', payload },
      }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/CREDENTIALS_KEY is not set/) });
    const { id } = await addCredential({
      access: rootAdmin,
      db: t.db,
      keys: ringA,
      input: { label: '公众号', payload },
    });
    const weibo = await createTestAccount(t.db, county.id);
    const wechat = await createTestAccount(t.db, county.id, {
      platformCode: 'WECHAT',
      handle: `gh_${randomBytes(4).toString('hex')}`,
    });
    const outside = await createTestAccount(t.db, sibling.id, {
      platformCode: 'WECHAT',
      handle: `gh_${randomBytes(4).toString('hex')}`,
    });
    await expect(
      attachCredential({ access: countyAdmin, db: t.db, input: { accountId: weibo.id, credentialId: id } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      attachCredential({ access: countyAdmin, db: t.db, input: { accountId: outside.id, credentialId: id } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await attachCredential({ access: countyAdmin, db: t.db, input: { accountId: wechat.id, credentialId: id } });
    await expect(removeCredential({ access: countyAdmin, db: t.db, input: { id } })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      replaceCredential({
        access: rootAdmin,
        db: t.db,
        keys: ringA,
        input: { id, payload: { kind: 'WEIBO_COOKIE', cookie: 'x=y' } },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await removeCredential({ access: rootAdmin, db: t.db, input: { id } });
    expect((await t.db.account.findUniqueOrThrow({ where: { id: wechat.id } })).credentialId).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: 'credential.delete', entityId: id } })).toBe(1);
  });

  it('the worker start-up check refuses a malformed key, and a missing one in production when credentials exist', async () => {
    const root = await createTestAgency(t.db);
    await addCredential({
      access: grant('ADMIN', root.id),
      db: t.db,
      keys: ringA,
      input: { label: '启动检查', payload: { kind: 'WEIBO_COOKIE', cookie: COOKIE } },
    });
    await expect(checkCredentialKey({ db: t.db, env: { CREDENTIALS_KEY: 'short' } })).rejects.toThrow(
      /must be 32 bytes/,
    );
    await expect(checkCredentialKey({ db: t.db, env: { NODE_ENV: 'development' } })).resolves.toBe('NO_KEY');
    await expect(checkCredentialKey({ db: t.db, env: { NODE_ENV: 'production' } })).rejects.toThrow(
      /CREDENTIALS_KEY is not set/,
    );
    await expect(
      checkCredentialKey({ db: t.db, env: { NODE_ENV: 'production', CREDENTIALS_KEY: KEY_B } }),
    ).resolves.toBe('OK');
  });
});
