import { createHash } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { createUser } from '@/lib/services/create-user';
import { signInAs } from './helpers/auth';
import { E2E_BASE_URL } from './helpers/base-url';
import { e2eDb } from './helpers/db';
import { saveScreenshot } from './helpers/screenshot';

// Issue 11 (3, 4): the admin page 平台接口健康, the raw-answer download and the PARSER_DRIFT alert. The demo seed
// stores crawls through ingest without the capturing client, so this spec adds one archived answer, its exchange on a
// seeded crawl run of a county-B account and hourly counters (with a 418 and dropped items), and removes them at the end.

const PHONE = { width: 390, height: 844 };
const BODY = JSON.stringify({
  ok: 1,
  data: { cards: [{ card_type: 9, mblog: { id: 'e2e-raw', created_at: 'soon' } }] },
});
const HASH = createHash('sha256').update(BODY, 'utf8').digest('hex');
const ENDPOINT = 'weibo:getIndex/timeline';
const HOUR_MS = 3_600_000;

test.describe.serial('interface health and raw answers', () => {
  const db = e2eDb();
  let runId = '';
  let accountId = '';
  let alertId = '';

  test.beforeAll(async () => {
    const countyB = await db.agency.findUniqueOrThrow({ where: { code: '330103' } });
    const run = await db.crawlRun.findFirstOrThrow({
      where: {
        account: { platformCode: 'WEIBO', agency: { OR: [{ id: countyB.id }, { ancestorIds: { has: countyB.id } }] } },
      },
      orderBy: { requestedAt: 'desc' },
    });
    runId = run.id;
    accountId = run.accountId;
    const now = new Date();
    await db.rawResponse.upsert({
      where: { hash: HASH },
      create: {
        hash: HASH,
        url: 'https://m.weibo.cn/api/container/getIndex?containerid=1076037100000001',
        status: 200,
        contentType: 'application/json; charset=utf-8',
        encoding: 'br',
        sizeBytes: Buffer.byteLength(BODY),
        body: brotliCompressSync(Buffer.from(BODY)),
        fetchedAt: now,
        lastSeenAt: now,
      },
      update: { lastSeenAt: now },
    });
    await db.crawlExchange.create({
      data: {
        crawlRunId: runId,
        seq: 99_999,
        requestKey: 'GET https://m.weibo.cn/api/container/getIndex?containerid=1076037100000001',
        endpoint: ENDPOINT,
        rawHash: HASH,
        httpStatus: 200,
        fetchedAt: now,
      },
    });
    const hour = (back: number) => new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS - back * HOUR_MS);
    await db.endpointHealthHour.createMany({
      data: [
        { platform: 'WEIBO', endpoint: ENDPOINT, hour: hour(30), requests: 40, successes: 40 },
        {
          platform: 'WEIBO',
          endpoint: ENDPOINT,
          hour: hour(2),
          requests: 30,
          successes: 29,
          blocked: 1,
          droppedItems: 12,
          sampleRawHash: HASH,
          sampleAccountId: accountId,
        },
        {
          platform: 'WEIBO',
          endpoint: 'weibo:comments/hotflow',
          hour: hour(2),
          requests: 20,
          successes: 15,
          blocked: 5,
        },
      ],
      skipDuplicates: true,
    });
    const alert = await db.alert.create({
      data: {
        accountId,
        kind: 'PARSER_DRIFT',
        dedupeKey: `PARSER_DRIFT:WEIBO:${ENDPOINT}:e2e-${Date.now()}`,
        details: {
          kind: 'PARSER_DRIFT',
          platform: 'WEIBO',
          endpoint: ENDPOINT,
          windowHours: 24,
          threshold: 10,
          droppedItems: 12,
          parseFailures: 0,
          requests: 30,
          sampleRawHash: HASH,
        },
      },
    });
    alertId = alert.id;
  });

  test.afterAll(async () => {
    await db.alert.deleteMany({ where: { id: alertId } });
    await db.endpointHealthHour.deleteMany({
      where: { platform: 'WEIBO', endpoint: { in: [ENDPOINT, 'weibo:comments/hotflow'] } },
    });
    await db.crawlExchange.deleteMany({ where: { crawlRunId: runId, seq: 99_999 } });
    await db.rawResponse.deleteMany({ where: { hash: HASH } });
    await db.$disconnect();
  });

  test('[ADMIN] 平台接口健康: counters per interface, the drifting one marked, hourly chart, one interface, phone width', async ({
    page,
  }) => {
    await signInAs(page, 'admin');
    await page.goto('/admin');
    await page.getByRole('link', { name: /平台接口健康/ }).click();
    await expect(page).toHaveURL(/\/admin\/health$/);
    await expect(page.getByRole('heading', { level: 1, name: '平台接口健康' })).toBeVisible();
    // Totals as stored (other crawls of the e2e database may have counted on the same interface too).
    const since = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - (14 * 24 - 1) * HOUR_MS);
    const sum = (
      await db.endpointHealthHour.aggregate({
        where: { platform: 'WEIBO', endpoint: ENDPOINT, hour: { gte: since } },
        _sum: { requests: true, successes: true, blocked: true, parseFailures: true, droppedItems: true },
      })
    )._sum;
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: ENDPOINT }) });
    await expect(row.getByRole('cell').nth(0)).toHaveText('微博');
    await expect(row.getByRole('cell').nth(2)).toHaveText(String(sum.requests));
    await expect(row.getByRole('cell').nth(3)).toHaveText(String(sum.successes));
    await expect(row.getByRole('cell').nth(4)).toHaveText(String(sum.blocked));
    await expect(row.getByRole('cell').nth(5)).toHaveText(String(sum.parseFailures));
    await expect(row.getByRole('cell').nth(6)).toHaveText(String(sum.droppedItems));
    await expect(row.getByRole('cell').nth(7)).toHaveText(/^\d+，超过阈值$/);
    await expect(row.getByRole('link', { name: HASH.slice(0, 12) })).toHaveAttribute('href', `/api/raw/${HASH}`);
    const hotflow = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'weibo:comments/hotflow' }) });
    await expect(hotflow.getByRole('cell').nth(4)).not.toHaveText('0');
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await saveScreenshot(page, 'admin-health');

    await row.getByRole('link', { name: ENDPOINT }).click();
    await expect(page).toHaveURL(/\/admin\/health\?endpoint=WEIBO%7Cweibo/);
    await expect(page.getByRole('heading', { level: 2, name: `接口 ${ENDPOINT}（按小时）` })).toBeVisible();
    await expect(page.getByRole('link', { name: '显示全部接口' })).toBeVisible();

    await page.setViewportSize(PHONE);
    await page.goto('/admin/health');
    await expect(page.getByRole('heading', { level: 1, name: '平台接口健康' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await saveScreenshot(page, 'admin-health-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    const raw = await page.request.get(`/api/raw/${HASH}`);
    expect(raw.status()).toBe(200);
    expect(raw.headers()['content-disposition']).toMatch(/^attachment; filename="raw-[0-9a-f]{16}\.json"$/);
    expect(raw.headers()['content-type']).toBe('application/octet-stream');
    expect(raw.headers()['x-raw-sha256']).toBe(HASH);
    expect(await raw.text()).toBe(BODY);
  });

  test('[SUPERVISOR] PARSER_DRIFT alert names the interface and links the sample; the admin page is forbidden', async ({
    page,
  }) => {
    await signInAs(page, 'supervisor');
    await page.goto('/alerts?kind=PARSER_DRIFT');
    const alert = page.locator(`tr[data-alert-id="${alertId}"]`);
    await expect(alert.locator('.badge')).toHaveText('接口解析异常');
    await expect(alert.getByText(new RegExp(`接口 ${ENDPOINT} 近 24 小时丢弃 12 条、解析失败 0 次`))).toBeVisible();
    await expect(alert.getByRole('link', { name: `样本原始响应 ${HASH.slice(0, 12)}` })).toHaveAttribute(
      'href',
      `/api/raw/${HASH}`,
    );
    await saveScreenshot(page, 'alerts-parser-drift');
    await page.goto('/admin/health');
    await expect(page).toHaveURL(/\/forbidden$/);
  });

  test('[SCOPE] the raw answer is not found for a county-A supervisor and 401 without a session', async ({
    page,
    playwright,
  }) => {
    const countyA = await db.agency.findUniqueOrThrow({ where: { code: '330102' } });
    const email = `raw-county-a-${Date.now()}@e2e.local`;
    await createUser({
      input: {
        name: '临溪县取证员',
        email,
        password: 'county-a-password',
        grants: [{ role: 'AUDITOR', agencyId: countyA.id }],
      },
      actorId: null,
      db,
    });
    await signInAs(page, { email, password: 'county-a-password' });
    expect((await page.request.get(`/api/raw/${HASH}`)).status()).toBe(404);
    expect((await page.request.get(`/api/raw/${'0'.repeat(64)}`)).status()).toBe(404);
    const anonymous = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    expect((await anonymous.get(`/api/raw/${HASH}`)).status()).toBe(401);
    await anonymous.dispose();
  });
});
