import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import type { AnnualAssessment } from '@/lib/scoring/annual';
import type { Role } from '@/lib/schemas/enums';
import { buildAnnualReport } from '@/lib/services/build-annual-report';
import { completeRectification } from '@/lib/services/complete-rectification';
import { computeAnnualAssessment } from '@/lib/services/compute-annual-assessment';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { exportAssessmentZip } from '@/lib/services/export-assessment-zip';
import { exportReport } from '@/lib/services/export-report';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { markNoticeIssued } from '@/lib/services/mark-notice-issued';
import { reviewFindings } from '@/lib/services/review-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

// A county tree inspected in 2026Q1 and 2026Q3 only; assessed in January 2027, after the year.
const Q1 = new Date('2026-03-20T04:00:00Z');
const Q3 = new Date('2026-09-18T04:00:00Z');
const AFTER_YEAR = new Date('2027-01-20T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
const ids: Record<string, string> = {};

const accessFor = (role: Role, agencyId: string, locale = 'zh-CN'): Access => ({
  userId: `user-${role}`,
  name: role,
  email: `${role}@test.local`,
  locale,
  grants: [{ role, agencyId, agencyName: '' }],
});

async function crawl(
  name: string,
  at: Date,
  posts: Array<{ daysAgo: number; text: string; key: string }>,
  coveredDays = 40,
) {
  await ingestSnapshot(
    t.db,
    {
      accountId: ids[name]!,
      platform: 'WEIBO',
      fetchedAt: at,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: posts.map((p) => ({
        platformPostId: `${name}-${p.key}`,
        text: p.text,
        publishedAt: new Date(at.getTime() - p.daysAgo * DAY),
        isPinned: false,
        isRepost: false,
        links: [],
        comments: [],
      })),
      coverage: { from: new Date(at.getTime() - coveredDays * DAY), to: at },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: at },
  );
}

const daily = (text: string, tag: string) =>
  [1, 3, 5, 8, 12].map((daysAgo) => ({ daysAgo, text, key: `${tag}-${daysAgo}` }));

async function inspect(name: string, at: Date) {
  const { id } = await createInspection({
    access: null,
    input: { name, monitoringAt: at, scopeAgencyId: ids.county!, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: at });
  return id;
}

async function confirmInsult(at: Date) {
  const finding = await t.db.finding.findFirstOrThrow({
    where: { accountId: ids['怼网友号'], indicatorCode: 'D3', status: 'SUSPECTED', inspection: { monitoringAt: at } },
  });
  await reviewFindings({
    access: accessFor('SUPERVISOR', ids.county!),
    input: { ids: [finding.id], decision: 'CONFIRMED', reason: '' },
    now: at,
    db: t.db,
  });
  return finding.id;
}

const item = (a: AnnualAssessment, code: string) => a.items.find((i) => i.code === code)!;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  const province = await createTestAgency(t.db, { name: '江川省考核' });
  ids.province = province.id;
  ids.county = (await createTestAgency(t.db, { name: '临溪县考核', parentId: province.id, level: 'COUNTY' })).id;
  ids.office = (
    await createTestAgency(t.db, { name: '临溪县人民政府办公室', parentId: ids.county, isSupervisingUnit: true })
  ).id;
  ids.health = (await createTestAgency(t.db, { name: '临溪县卫健局', parentId: ids.county })).id;
  ids.tourism = (await createTestAgency(t.db, { name: '临溪县文旅局', parentId: ids.county })).id;
  for (const [name, agency] of [
    ['正常号', 'health'],
    ['僵尸号', 'health'],
    ['怼网友号', 'tourism'],
    ['抓取失败号', 'tourism'],
    ['未登记号', 'tourism'],
  ] as const) {
    ids[name] = (await createTestAccount(t.db, ids[agency]!, { displayName: name })).id;
  }
  // Found operating without registration (A4): the account row says so.
  await t.db.account.update({ where: { id: ids['未登记号'] }, data: { isRegistered: false } });

  await crawl('正常号', Q1, daily('今日政务信息发布。', 'q1'));
  await crawl('僵尸号', Q1, [{ daysAgo: 20, text: '最后一条通知。', key: 'last' }]);
  await crawl('怼网友号', Q1, [
    ...daily('景区开放信息。', 'q1'),
    { daysAgo: 2, text: '你最好永远别来！有你不多无你不少！', key: 'insult-q1' },
  ]);
  // Crawled only the last 3 days and silent in them: whether it updated in 14 days is unknown.
  await crawl('抓取失败号', Q1, [{ daysAgo: 20, text: '政务信息。', key: 'q1' }], 3);
  await crawl('未登记号', Q1, daily('便民服务信息。', 'q1'));
  ids.q1 = await inspect('一季度检查', Q1);
  ids.findingQ1 = await confirmInsult(Q1);

  await crawl('正常号', Q3, daily('今日政务信息发布。', 'q3'));
  await crawl('僵尸号', Q3, []);
  await crawl('怼网友号', Q3, [
    ...daily('景区开放信息。', 'q3'),
    { daysAgo: 3, text: '你最好永远别来，爱来不来！', key: 'insult-q3' },
  ]);
  await crawl('抓取失败号', Q3, [{ daysAgo: 20, text: '政务信息。', key: 'q3' }], 3);
  await crawl('未登记号', Q3, daily('便民服务信息。', 'q3'));
  ids.q3 = await inspect('三季度检查', Q3);
  ids.findingQ3 = await confirmInsult(Q3);

  // The Q1 rectification is completed in May, after its April deadline; the Q3 one is never completed.
  const q1Rect = await t.db.rectification.findUniqueOrThrow({ where: { findingId: ids.findingQ1 } });
  await completeRectification({
    access: accessFor('SUPERVISOR', ids.county),
    input: { id: q1Rect.id, note: '已删除并致歉' },
    now: new Date('2026-05-20T02:00:00Z'),
    db: t.db,
  });
  // Only the Q1 notice was issued.
  await markNoticeIssued({
    access: accessFor('AUDITOR', ids.county),
    input: { inspectionId: ids.q1, issuedOn: '2026-03-25' },
    now: new Date('2026-03-26T02:00:00Z'),
    db: t.db,
  });
}, 180_000);
afterAll(async () => t?.drop());

describe('computeAnnualAssessment', () => {
  it('evaluates A0–A5 of the county from its stored facts, each deduction with its facts', async () => {
    const view = await computeAnnualAssessment({
      access: accessFor('AUDITOR', ids.county!),
      unitId: ids.county!,
      year: 2026,
      now: AFTER_YEAR,
      db: t.db,
    });
    const a = view.assessment;
    expect(view.supervisingOffice).toBe('临溪县人民政府办公室');
    expect(a).toMatchObject({
      unitId: ids.county,
      year: 2026,
      isFinal: true,
      vetoed: false,
      editionCode: 'national-2019',
    });

    // A1: Q2 and Q4 had no inspection; Q1 and Q3 reached a verdict on 4 of 5 open accounts (one crawl outage).
    expect(item(a, 'A1').deducted).toBe(20);
    expect(item(a, 'A1').facts.map((f) => [f.quarter, f.kind, f.points])).toEqual([
      ['2026Q1', 'INSPECTED', 0],
      ['2026Q2', 'NO_INSPECTION', 10],
      ['2026Q3', 'INSPECTED', 0],
      ['2026Q4', 'NO_INSPECTION', 10],
    ]);
    expect(item(a, 'A1').facts[0]).toMatchObject({ inspectionId: ids.q1, covered: 4, active: 5, insufficient: 1 });

    // A2: only the Q1 notice was marked as issued.
    expect(item(a, 'A2')).toMatchObject({ deducted: 9, status: 'HIT' });
    expect(item(a, 'A2').facts.find((f) => f.quarter === '2026Q1')).toMatchObject({
      kind: 'NOTICE_PUBLISHED',
      inspectionId: ids.q1,
    });
    expect(item(a, 'A2').facts.find((f) => f.quarter === '2026Q3')).toMatchObject({
      kind: 'NO_NOTICE',
      inspectionId: ids.q3,
      points: 3,
    });

    // A3: the Q1 insult rectified late (−2), the Q3 one overdue (−3); each names its account and finding.
    expect(item(a, 'A3').deducted).toBe(5);
    const a3 = item(a, 'A3').facts.filter((f) => f.points > 0);
    expect(a3.map((f) => [f.kind, f.findingId, f.accountId])).toEqual([
      ['RECTIFICATION_LATE', ids.findingQ1, ids['怼网友号']],
      ['RECTIFICATION_OVERDUE', ids.findingQ3, ids['怼网友号']],
    ]);

    // A4: the unregistered account (−3) and the zombie of Q1 and Q3 not closed by year end (−2).
    expect(item(a, 'A4').deducted).toBe(5);
    expect(item(a, 'A4').facts.map((f) => [f.kind, f.accountId, f.quarters ?? null])).toEqual([
      ['UNREGISTERED_ACCOUNT', ids['未登记号'], null],
      ['ZOMBIE_NOT_CLOSED', ids['僵尸号'], ['2026Q1', '2026Q3']],
    ]);

    // A5: 2 quarters × 4 verdicts, the zombie failing both: 6/8 = 75% < 80% → −10.
    expect(item(a, 'A5').facts[0]).toMatchObject({
      kind: 'PASS_RATE',
      passed: 6,
      scored: 8,
      insufficient: 2,
      ratio: 0.75,
      points: 10,
    });
    expect(item(a, 'A0')).toMatchObject({ status: 'CLEAR', facts: [] });
    expect(a.score).toBe(100 - 20 - 9 - 5 - 5 - 10);

    // The next level ranked (the office has no account of its own and is left out): the tourism bureau loses 8 for
    // its unregistered account and rectifications, the health bureau 12 for its zombie and a 50% pass rate.
    expect(view.children.map((c) => [c.name, c.rank, c.accounts, c.score])).toEqual([
      ['临溪县文旅局', 1, 3, 100 - 29 - 8],
      ['临溪县卫健局', 2, 2, 100 - 29 - 12],
    ]);
  });

  it('is provisional during the year: running quarters and year-end rules are not deducted', async () => {
    const view = await computeAnnualAssessment({
      access: accessFor('SUPERVISOR', ids.county!),
      unitId: ids.county!,
      year: 2026,
      now: new Date('2026-09-25T04:00:00Z'),
      db: t.db,
    });
    const a = view.assessment;
    expect(a.isFinal).toBe(false);
    expect(item(a, 'A1').facts.map((f) => [f.kind, f.points])).toEqual([
      ['INSPECTED', 0],
      ['NO_INSPECTION', 10],
      ['INSPECTED', 0],
      ['QUARTER_NOT_DUE', 0],
    ]);
    expect(item(a, 'A2').facts.map((f) => [f.kind, f.points])).toEqual([
      ['NOTICE_PUBLISHED', 0],
      ['NO_NOTICE', 3],
      ['NOTICE_NOT_DUE', 0],
      ['NOTICE_NOT_DUE', 0],
    ]);
    expect(item(a, 'A4').facts.find((f) => f.accountId === ids['僵尸号'])).toMatchObject({
      kind: 'ZOMBIE_OPEN',
      points: 0,
    });
  });

  it("answers not found outside the caller's subtree", async () => {
    await expect(
      computeAnnualAssessment({
        access: accessFor('AUDITOR', ids.tourism!),
        unitId: ids.county!,
        year: 2026,
        now: AFTER_YEAR,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const own = await computeAnnualAssessment({
      access: accessFor('AUDITOR', ids.tourism!),
      unitId: ids.tourism!,
      year: 2026,
      now: AFTER_YEAR,
      db: t.db,
    });
    expect(own.assessment.items.find((i) => i.code === 'A4')?.deducted).toBe(3);
  });
});

describe('markNoticeIssued', () => {
  it('is refused to administrators, outside the scope, before the monitoring day and after today; audited when done', async () => {
    const input = { inspectionId: ids.q3!, issuedOn: '2026-09-30' };
    const now = new Date('2026-10-08T02:00:00Z');
    await expect(
      markNoticeIssued({ access: accessFor('ADMIN', ids.county!), input, now, db: t.db }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      markNoticeIssued({ access: accessFor('AUDITOR', ids.health!), input, now, db: t.db }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      markNoticeIssued({
        access: accessFor('AUDITOR', ids.county!),
        input: { ...input, issuedOn: '2026-09-17' },
        now,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      markNoticeIssued({
        access: accessFor('AUDITOR', ids.county!),
        input: { ...input, issuedOn: '2026-10-09' },
        now,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'inspection.notice-issued', entityId: ids.q1 },
    });
    expect(audit).toMatchObject({ actorId: 'user-AUDITOR', after: { issuedOn: '2026-03-25' } });
    const q1 = await t.db.inspection.findUniqueOrThrow({ where: { id: ids.q1 } });
    expect(q1.noticePublishedAt?.toISOString()).toBe('2026-03-24T16:00:00.000Z');
  });
});

describe('the annual report shows the same assessment', () => {
  it("carries the service's result, and its own figures agree with A5 and A4", async () => {
    const access = accessFor('AUDITOR', ids.county!);
    const view = await computeAnnualAssessment({ access, unitId: ids.county!, year: 2026, now: AFTER_YEAR, db: t.db });
    const doc = await buildAnnualReport({ access, agencyId: ids.county!, period: '2026', now: AFTER_YEAR, db: t.db });
    expect(doc.assessment?.assessment).toEqual(view.assessment);
    expect(doc.assessment?.children).toEqual(view.children);
    expect(doc.summary.passRate).toBe(item(view.assessment, 'A5').facts[0]?.ratio);
    expect(doc.zombies.filter((z) => z.isPersistent).map((z) => z.accountId)).toEqual([ids['僵尸号']]);
  });

  it('XLSX: the assessment sheets list the items, the facts and the ranking', async () => {
    const file = await exportReport({
      access: accessFor('AUDITOR', ids.county!),
      query: { kind: 'annual', period: '2026', agencyId: ids.county!, format: 'xlsx' },
      now: AFTER_YEAR,
      db: t.db,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 5)).toEqual(['正文', '汇总', '年度考核', '扣分依据', '下级排名']);
    const lines = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)?.eachRow((row) =>
        out.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => String(v ?? '')).join('|')),
      );
      return out;
    };
    // Items by name, never by code (A1 → 常态化监管).
    expect(lines('年度考核')).toEqual(
      expect.arrayContaining(['常态化监管|30|20|扣分|', '合格率|10|10|扣分|', '单项否决|—|否|无扣分|']),
    );
    expect(lines('扣分依据').find((r) => r.includes('逾期未整改'))).toMatch(
      /^问题整改\|\|怼网友号（临溪县文旅局）.*\|临溪县文旅局\|怼网友号\|−3$/,
    );
    expect(lines('下级排名').slice(1)).toEqual([
      '1|临溪县文旅局|3|63|否|−20|−9|−5|−3|0',
      '2|临溪县卫健局|2|59|否|−20|−9|0|−2|−10',
    ]);
    expect(lines('正文').some((r) => r.includes(`临溪县考核2026年度监管工作考核得分${100 - 49}/100`))).toBe(true);
  });
});

describe('exportAssessmentZip', () => {
  it('one ranking workbook and one annual report per region unit of the province, audited once', async () => {
    const access = accessFor('AUDITOR', ids.province!);
    const file = await exportAssessmentZip({
      access,
      query: { agencyId: ids.province!, year: 2026, format: 'xlsx' },
      now: AFTER_YEAR,
      db: t.db,
    });
    expect(file).toMatchObject({ units: 2, filename: '年度考核-江川省考核-2026.zip' });
    const zip = await JSZip.loadAsync(file.bytes);
    expect(Object.keys(zip.files).sort()).toEqual([
      '00-年度考核汇总-江川省考核-2026.xlsx',
      '1-年度考核-江川省考核-2026.xlsx',
      '2-年度考核-临溪县考核-2026.xlsx',
    ]);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.load(
      Buffer.from(
        await zip.file('00-年度考核汇总-江川省考核-2026.xlsx')!.async('uint8array'),
      ) as unknown as ArrayBuffer,
    );
    const rows: string[] = [];
    summary.worksheets[0]?.eachRow((row) =>
      rows.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => String(v ?? '')).join('|')),
    );
    // The county's row has the figures of its own page. The province shares its accounts, rectifications and pass rate,
    // but an inspection of one county is no inspection of the province's tree: A1 −30 and A2 −10.
    expect(rows.slice(1)).toEqual(['江川省考核|40|否|否|-30|-10|-5|-5|-10|', '临溪县考核|51|否|否|-20|-9|-5|-5|-10|']);
    const county = new ExcelJS.Workbook();
    await county.xlsx.load(
      Buffer.from(await zip.file('2-年度考核-临溪县考核-2026.xlsx')!.async('uint8array')) as unknown as ArrayBuffer,
    );
    expect(county.worksheets.map((w) => w.name)).toContain('年度考核');
    const audit = await t.db.auditLog.findFirstOrThrow({
      where: { action: 'export.assessment-zip', entityId: ids.province },
    });
    expect(audit.after).toMatchObject({ units: 2, format: 'xlsx', year: 2026 });
  });

  it("answers not found for a tree outside the caller's scope", async () => {
    await expect(
      exportAssessmentZip({
        access: accessFor('AUDITOR', ids.county!),
        query: { agencyId: ids.province!, year: 2026, format: 'xlsx' },
        now: AFTER_YEAR,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
