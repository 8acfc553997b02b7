import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejectedError, importAccounts, previewAccountImport } from '@/lib/services/import-accounts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
let agencyCode: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const agency = await createTestAgency(t.db);
  agencyCode = `AG${randomBytes(4).toString('hex')}`;
  await t.db.agency.update({ where: { id: agency.id }, data: { code: agencyCode } });
});
afterAll(async () => {
  await t.drop();
});

const HEADER = 'agency_code,platform,handle,display_name,url,filing_number,filing_status,opened_at';
const csv = (lines: string[]) => ({
  name: 'accounts.csv',
  bytes: new TextEncoder().encode(`\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`),
});

async function rejection(run: () => Promise<unknown>): Promise<ImportRejectedError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ImportRejectedError)) throw new Error(`expected ImportRejectedError, got ${String(error)}`);
  return error;
}

describe('account import', () => {
  it('refuses the whole file when one row is bad and names the row and column; the fixed file imports every row', async () => {
    const good1 = `${agencyCode},weibo,u100,江川发布,https://weibo.com/u100,浙ICP备1号,filed,2023-05-01`;
    const good2 = `${agencyCode},WECHAT,gh_abc,"江川发布, 公众号",,,,`;
    const bad = `${agencyCode},WEIBO,u101,江川公安,not-a-url,,FILED,2023-13-45`;
    const error = await rejection(() => importAccounts({ db: t.db, file: csv([good1, good2, bad]) }));
    expect(error.errors).toEqual([
      { row: 4, column: 'url', message: expect.any(String) },
      { row: 4, column: 'opened_at', message: 'Expected a date like 2024-03-01' },
    ]);
    expect(await t.db.account.count()).toBe(0);

    const fixed = `${agencyCode},WEIBO,u101,江川公安,https://weibo.com/u101,,FILED,2023-02-03`;
    const result = await importAccounts({ db: t.db, file: csv([good1, good2, fixed]) });
    expect(result.imported).toBe(3);
    const accounts = await t.db.account.findMany({ orderBy: { handle: 'asc' } });
    expect(accounts.map((a) => [a.platformCode, a.handle, a.displayName, a.filingStatus])).toEqual([
      ['WECHAT', 'gh_abc', '江川发布, 公众号', 'UNFILED'],
      ['WEIBO', 'u100', '江川发布', 'FILED'],
      ['WEIBO', 'u101', '江川公安', 'FILED'],
    ]);
    expect(accounts.find((a) => a.handle === 'u101')?.openedAt?.toISOString()).toBe('2023-02-02T16:00:00.000Z');
    expect(await t.db.auditLog.count({ where: { action: 'account.import' } })).toBe(1);

    const again = await rejection(() => importAccounts({ db: t.db, file: csv([good1]) }));
    expect(again.errors).toEqual([{ row: 2, column: 'handle', message: 'Account WEIBO:u100 is already registered' }]);
  });

  it('reports unknown agencies, duplicates inside the file and missing columns; preview and dry run write nothing', async () => {
    const file = csv([
      `NOPE,RSS,https://a.example/feed,订阅,,,,`,
      `${agencyCode},RSS,https://a.example/feed-1,订阅一,,,,`,
      `${agencyCode},RSS,https://a.example/feed-1,订阅二,,,,`,
    ]);
    const preview = await previewAccountImport({ db: t.db, file });
    expect(preview.errors).toEqual([
      { row: 2, column: 'agency_code', message: 'Unknown agency code "NOPE"' },
      { row: 4, column: 'handle', message: 'Duplicate of row 3' },
    ]);
    expect(preview.rows.map((r) => r.row)).toEqual([3]);

    const dry = await importAccounts({
      db: t.db,
      file: csv([`${agencyCode},RSS,https://a.example/feed-2,订阅,,,,`]),
      isDryRun: true,
    });
    expect(dry).toMatchObject({
      imported: 0,
      preview: { rows: [{ handle: 'https://a.example/feed-2', platform: 'RSS' }], errors: [] },
    });
    expect(await t.db.account.count({ where: { platformCode: 'RSS' } })).toBe(0);

    const noHandle = {
      name: 'x.csv',
      bytes: new TextEncoder().encode('agency_code,platform,display_name\nA,WEIBO,x\n'),
    };
    expect((await previewAccountImport({ db: t.db, file: noHandle })).errors).toEqual([
      { row: 1, column: 'handle', message: 'Missing column' },
    ]);
  });

  it('reads .xlsx with date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('accounts');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([agencyCode, 'DOUYIN', 'dy-1', '江川抖音', null, null, 'PENDING', new Date('2022-01-01T00:00:00Z')]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await importAccounts({ db: t.db, file: { name: 'accounts.XLSX', bytes } });
    expect(result.imported).toBe(1);
    const row = await t.db.account.findFirstOrThrow({ where: { handle: 'dy-1' } });
    expect([row.filingStatus, row.openedAt?.toISOString()]).toEqual(['PENDING', '2022-01-01T00:00:00.000Z']);
  });
});

describe('account import: crawl route columns', () => {
  const CRAWL_HEADER =
    'agency_code,platform,handle,display_name,crawl_route,we_mp_rss_id,feed_url,rsshub_path,weibo_uid,android_stores,huawei_app_id,app_search_terms';
  const crawlCsv = (lines: string[]) => ({
    name: 'crawl.csv',
    bytes: new TextEncoder().encode([CRAWL_HEADER, ...lines].join('\n')),
  });

  it('stores each platform’s route and parameters as the crawl_config its crawler reads', async () => {
    const result = await importAccounts({
      db: t.db,
      file: crawlCsv([
        `${agencyCode},WECHAT,gh_route_rss,江川发布,RSS_BRIDGE,YCFB001,,,,,,`,
        `${agencyCode},WECHAT,gh_route_api,江川政务,official,,,,,,,`,
        `${agencyCode},KUAISHOU,ks-1,江川快手,,,,/kuaishou/user/ks-1,,,,`,
        `${agencyCode},WEIBO,jiangchuan,江川微博,,,,,7400000001,,,`,
        `${agencyCode},APP_ANDROID,cn.gov.jc.app,江川政务App,,,,,,HUAWEI;xiaomi,C100000001,江川;江川政务`,
      ]),
    });
    expect(result.imported).toBe(5);
    const configs = Object.fromEntries(
      (
        await t.db.account.findMany({
          where: { handle: { in: ['gh_route_rss', 'gh_route_api', 'ks-1', 'jiangchuan', 'cn.gov.jc.app'] } },
        })
      ).map((a) => [a.handle, a.crawlConfig]),
    );
    expect(configs).toEqual({
      gh_route_rss: { route: 'rss', weMpRssId: 'YCFB001' },
      gh_route_api: { route: 'official' },
      'ks-1': { feed: { rsshubPath: '/kuaishou/user/ks-1' } },
      jiangchuan: { weibo: { uid: '7400000001' } },
      'cn.gov.jc.app': {
        android: { stores: ['HUAWEI', 'XIAOMI'] },
        huawei: { appId: 'C100000001', searchTerms: ['江川', '江川政务'] },
        yingyongbao: { searchTerms: ['江川', '江川政务'] },
      },
    });
  });

  it('refuses routes and parameters the crawler could not use, row by row, and writes nothing', async () => {
    const before = await t.db.account.count();
    const error = await rejection(() =>
      importAccounts({
        db: t.db,
        file: crawlCsv([
          `${agencyCode},WECHAT,gh_bad_1,公众号一,rss,,,,,,,`,
          `${agencyCode},WECHAT,gh_bad_2,公众号二,carrier-pigeon,,,,,,,`,
          `${agencyCode},WECHAT,gh_bad_3,公众号三,,,,,7400000002,,,`,
          `${agencyCode},BILIBILI,bili-1,江川B站,,,,,,,,`,
          `${agencyCode},APP_ANDROID,cn.gov.jc.bad,App,,,,,,GOOGLE_PLAY,,`,
          `${agencyCode},RSS,https://a.example/ok,订阅,,,not-a-url,,,,,`,
        ]),
      }),
    );
    expect(error.errors).toEqual([
      { row: 2, column: 'crawl_route', message: 'The rss route needs we_mp_rss_id, feed_url, or rsshub_path' },
      { row: 3, column: 'crawl_route', message: 'Expected one of official, mp, rss' },
      {
        row: 4,
        column: 'weibo_uid',
        message: 'Not read for WeChat official account: its crawler never uses this column',
      },
      {
        row: 5,
        column: 'feed_url',
        message: 'Bilibili is read from a feed: give feed_url or rsshub_path (or a feed URL as the handle)',
      },
      {
        row: 6,
        column: 'android_stores',
        message: 'Expected HUAWEI;YINGYONGBAO;XIAOMI or some of them, separated by ;',
      },
      { row: 7, column: 'feed_url', message: 'Use an address starting with http:// or https://' },
    ]);
    expect(await t.db.account.count()).toBe(before);
  });
});
