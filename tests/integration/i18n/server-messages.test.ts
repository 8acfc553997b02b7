// Server messages follow the language of the request: a server action answers in the language of the page that
// called it (its locale cookie), for a service error and for the rows of an import preview; an API caller by the
// cookie or Accept-Language. Real actions and routes, real database; only the session and Next's request are stood in.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Access } from '@/lib/access';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

vi.mock('server-only', () => ({}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
const request = vi.hoisted(() => ({ cookie: '', access: null as Access | null }));
// The request a server action runs in: only its cookie header matters here.
vi.mock('next/headers', () => ({
  headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}),
  cookies: async () => ({ get: () => undefined }),
}));
vi.mock('@/lib/auth/session', () => ({
  requireAccess: async () => {
    if (!request.access) throw new Error('no session in this test');
    return request.access;
  },
  getCurrentAccess: async () => request.access,
}));

const { importAccountsAction } = await import('@/lib/actions/import-accounts');
const exportsRoute = (await import('@/app/api/exports/route')).GET;

let t: TestDatabase;
let agencyCode = '';
let agencyId = '';

beforeAll(async () => {
  t = await createTestDatabase();
  (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')] = t.db;
  await ensureScoringConfig(t.db);
  const agency = await createTestAgency(t.db, { name: '江川省' });
  agencyId = agency.id;
  agencyCode = `AG${randomBytes(4).toString('hex')}`;
  await t.db.agency.update({ where: { id: agency.id }, data: { code: agencyCode } });
  const admin = await t.db.user.create({
    data: {
      id: 'admin-i18n',
      name: '管理员',
      email: 'admin@test.local',
      roleGrants: { create: [{ role: 'ADMIN', agencyId }] },
    },
  });
  request.access = {
    userId: admin.id,
    name: admin.name,
    email: admin.email,
    locale: 'zh-CN',
    grants: [{ role: 'ADMIN', agencyId, agencyName: '江川省' }],
  };
}, 120_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')];
  await t?.drop();
});

const upload = (lines: string[], header = 'agency_code,platform,handle,display_name,opened_at') => {
  const form = new FormData();
  const text = [header, ...lines].join('\n');
  form.set('file', new File([text], 'accounts.csv', { type: 'text/csv' }));
  form.set('mode', 'preview');
  return form;
};
const inLanguage = (locale: 'zh-CN' | 'en' | null) => {
  request.cookie = locale ? `theme=x; NEXT_LOCALE=${locale}` : '';
};

describe('server action messages', () => {
  it("are in the page's language: a service error", async () => {
    const empty = new FormData();
    empty.set('file', new File([], 'accounts.csv'));
    inLanguage('en');
    expect(await importAccountsAction(empty)).toMatchObject({ ok: false, message: 'The file is empty' });
    inLanguage('zh-CN');
    expect(await importAccountsAction(empty)).toMatchObject({ ok: false, message: '文件为空' });
    // No language chosen: the default, Chinese.
    inLanguage(null);
    expect(await importAccountsAction(empty)).toMatchObject({ ok: false, message: '文件为空' });
  });

  it("are in the page's language: every row error of an import preview", async () => {
    const rows = [
      `NOPE,WEIBO,u1,江川发布,`,
      `${agencyCode},WEIBO,u2,江川公安,`,
      `${agencyCode},WEIBO,u2,江川公安二,`,
      `${agencyCode},WEIBO,u3,江川交警,2023-13-45`,
    ];
    const messages = async (locale: 'zh-CN' | 'en') => {
      inLanguage(locale);
      const result = await importAccountsAction(upload(rows));
      if (!result.ok) throw new Error(result.message);
      return result.data.preview.errors.map((e) => `${e.row} ${e.column}: ${e.message}`);
    };
    expect(await messages('en')).toEqual([
      '2 agency_code: Unknown agency code "NOPE"',
      '4 handle: Duplicate of row 3',
      '5 opened_at: Expected a date like 2024-03-01',
    ]);
    expect(await messages('zh-CN')).toEqual([
      '2 agency_code: 单位代码“NOPE”不存在',
      '4 handle: 与第 3 行重复',
      '5 opened_at: 请填写日期，例如 2024-03-01',
    ]);
  });

  it("are in the page's language: the crawl columns' row errors, platforms and columns by their names", async () => {
    // Chinese headers, as the template has them: 抓取方式 = crawl_route, 订阅地址 = feed_url, 微博用户编号 = weibo_uid.
    const header = '主办单位代码,平台,账号标识,账号名称,抓取方式,订阅地址,微博用户编号';
    const rows = [
      `${agencyCode},微信公众号,gh_rss,江川发布,rss,,`,
      `${agencyCode},微信公众号,gh_uid,江川公安,,,7400000001`,
      `${agencyCode},哔哩哔哩,bili-1,江川B站,,,`,
      `${agencyCode},订阅源,news,江川新闻,,not-a-url,`,
      `${agencyCode},微博,7400000002,江川交警,,,74x`,
    ];
    const messages = async (locale: 'zh-CN' | 'en') => {
      inLanguage(locale);
      const result = await importAccountsAction(upload(rows, header));
      if (!result.ok) throw new Error(result.message);
      return result.data.preview.errors.map((e) => `${e.row} ${e.column}: ${e.message}`);
    };
    expect(await messages('zh-CN')).toEqual([
      '2 crawl_route: 抓取方式为 rss 时须填写公众号订阅标识、订阅地址或订阅路由',
      '3 weibo_uid: 微信公众号账号不使用此列（其抓取程序不读取）',
      '4 feed_url: 哔哩哔哩账号通过订阅源读取：请填写订阅地址或订阅路由（或以订阅地址作账号标识）',
      '5 feed_url: 请填写以 http:// 或 https:// 开头的地址',
      '6 weibo_uid: 微博用户编号只能是数字',
    ]);
    expect(await messages('en')).toEqual([
      '2 crawl_route: The rss route needs we_mp_rss_id, feed_url, or rsshub_path',
      '3 weibo_uid: Not read for WeChat official account: its crawler never uses this column',
      '4 feed_url: Bilibili is read from a feed: give feed_url or rsshub_path (or a feed URL as the handle)',
      '5 feed_url: Use an address starting with http:// or https://',
      '6 weibo_uid: A Weibo uid is digits only',
    ]);
  });
});

describe('API messages', () => {
  it("are in the caller's language: the locale cookie, else Accept-Language", async () => {
    const ask = async (headers: Record<string, string>) => {
      const response = await exportsRoute(
        new Request(`http://localhost/api/exports?kind=notice&period=2026&agencyId=${agencyId}&format=xlsx`, {
          headers,
        }),
      );
      expect(response.status).toBe(400);
      return ((await response.json()) as { error: { message: string } }).error.message;
    };
    const en = await ask({ cookie: 'NEXT_LOCALE=en' });
    const zh = await ask({ cookie: 'NEXT_LOCALE=zh-CN', 'accept-language': 'en' });
    expect(en).toMatch(/^[\x20-\x7e]+$/);
    expect(en).toContain('2026Q3');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(await ask({ 'accept-language': 'en-GB,en;q=0.8' })).toBe(en);
    expect(await ask({})).toBe(zh);
  });
});
