import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { buildAnnualReport } from '@/lib/services/build-annual-report';
import { buildQuarterlyNotice } from '@/lib/services/build-quarterly-notice';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { exportReport } from '@/lib/services/export-report';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { awardBonus } from '@/lib/services/award-bonus';
import { reviewFindings } from '@/lib/services/review-findings';
import { runInspection } from '@/lib/services/run-inspection';
import type { Role } from '@/lib/schemas/enums';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';
import { readPdf } from '../../helpers/pdf-text';

// Monitoring date in 2026Q3; the export runs a month later, after the rectification deadline has passed.
const AT = new Date('2026-09-25T04:00:00Z');
const EXPORT_AT = new Date('2026-11-05T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
let countyId: string;
let otherCountyId: string;
const ids: Record<string, string> = {};

const accessFor = (role: Role, agencyId: string, locale = 'zh-CN'): Access => ({
  userId: `user-${role}`,
  name: role,
  email: `${role}@test.local`,
  locale,
  grants: [{ role, agencyId, agencyName: '' }],
});

async function account(name: string, posts: Array<{ daysAgo: number; text: string }>, coveredDays = 40) {
  const a = await createTestAccount(t.db, countyId, { displayName: name });
  ids[name] = a.id;
  await ingestSnapshot(
    t.db,
    {
      accountId: a.id,
      platform: 'WEIBO',
      fetchedAt: AT,
      outcome: { ok: true, partial: false },
      profile: null,
      posts: posts.map((p, i) => ({
        platformPostId: `${name}-${i}`,
        text: p.text,
        publishedAt: new Date(AT.getTime() - p.daysAgo * DAY),
        isPinned: false,
        isRepost: false,
        links: [],
        comments: [],
      })),
      coverage: { from: new Date(AT.getTime() - coveredDays * DAY), to: AT },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: AT },
  );
}

/** Each row of a sheet as its cell texts joined with |. */
function sheetLines(ws: ExcelJS.Worksheet | undefined): string[] {
  const lines: string[] = [];
  ws?.eachRow((row) =>
    lines.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => String(v ?? '')).join('|')),
  );
  return lines;
}

const daily = (text: string) => [1, 3, 5, 8, 12].map((daysAgo) => ({ daysAgo, text }));

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  const province = await createTestAgency(t.db, { name: '江川省测试' });
  countyId = (
    await createTestAgency(t.db, {
      name: '临溪县测试',
      parentId: province.id,
      level: 'COUNTY',
      isSupervisingUnit: true,
    })
  ).id;
  otherCountyId = (await createTestAgency(t.db, { name: '青石县测试', parentId: province.id, level: 'COUNTY' })).id;
  await account('正常发布号', daily('今日政务信息发布，欢迎关注。'));
  await account('僵尸号', [{ daysAgo: 20, text: '最后一条通知。' }]);
  await account('抓取失败号', [{ daysAgo: 20, text: '政务信息。' }], 3);
  await account('怼网友号', [...daily('景区开放信息。'), { daysAgo: 2, text: '你最好永远别来！有你不多无你不少！' }]);
  await account('追星号', [...daily('文明城市创建。'), { daysAgo: 4, text: '为某嘻哈歌手打call！' }]);
  await awardBonus({
    access: accessFor('SUPERVISOR', countyId),
    input: { accountId: ids['正常发布号'], itemCode: 'B1', reason: '政策解读表现突出' },
    now: AT,
    db: t.db,
  });
  const { id } = await createInspection({
    access: null,
    input: {
      name: '三季度检查',
      monitoringAt: AT,
      scopeAgencyId: countyId,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  ids.inspection = id;
  await runInspection({ db: t.db, inspectionId: id, now: AT });
  const insult = await t.db.finding.findFirstOrThrow({ where: { accountId: ids['怼网友号'], indicatorCode: 'D3' } });
  await reviewFindings({
    access: accessFor('SUPERVISOR', countyId),
    input: { ids: [insult.id], decision: 'CONFIRMED', reason: '' },
    now: AT,
    db: t.db,
  });
}, 120_000);
afterAll(async () => t?.drop());

describe('buildQuarterlyNotice', () => {
  it('gathers scores, vetoes, insufficient data and confirmed findings of the subtree', async () => {
    const doc = await buildQuarterlyNotice({
      access: accessFor('AUDITOR', countyId),
      agencyId: countyId,
      period: '2026Q3',
      now: EXPORT_AT,
      db: t.db,
    });
    expect(doc.inspections.map((i) => [i.name, i.accounts])).toEqual([['三季度检查', 5]]);
    const zombie = doc.accounts.find((a) => a.accountId === ids['僵尸号']);
    expect(zombie).toMatchObject({
      result: 'FAIL_VETO',
      vetoCodes: ['V2'],
      vetoRules: ['V2.NO_UPDATE'],
      isDeductionsInformational: true,
      reportedScore: expect.any(Number),
    });
    expect(zombie?.reportedScore).toBeLessThanOrEqual(59);
    const awarded = doc.accounts.find((a) => a.accountId === ids['正常发布号']);
    expect(awarded).toMatchObject({ result: 'PASS', bonus: 2 });
    expect(awarded?.reportedScore).toBe((awarded?.total ?? 0) + 2);
    expect(zombie?.bonus).toBe(0);
    expect(zombie?.deductions.map((d) => d.code)).toContain('D1');
    const zombieFindings = doc.findings.filter((f) => f.accountId === ids['僵尸号']);
    expect(zombieFindings.filter((f) => !f.isVeto).length).toBeGreaterThan(0);
    expect(zombieFindings.every((f) => f.isVeto !== f.isInformational)).toBe(true);
    expect(doc.insufficientData.map((a) => a.accountId)).toEqual([ids['抓取失败号']]);
    expect(doc.accounts.map((a) => a.accountId)).not.toContain(ids['抓取失败号']);
    const insult = doc.findings.find((f) => f.accountId === ids['怼网友号'] && f.indicatorCode === 'D3');
    expect(insult).toMatchObject({
      status: 'CONFIRMED',
      isInformational: false,
      rectification: { isOverdue: true, isLate: false },
    });
    expect(insult?.excerpt).toContain('你最好永远别来');
    expect(doc.findings.some((f) => f.accountId === ids['追星号'] && f.indicatorCode === 'D3')).toBe(false);
    expect(doc.summary).toMatchObject({
      accountsInspected: 5,
      insufficientData: 1,
      vetoed: 1,
      zombieAccounts: 1,
      vetoesByIndicator: [{ code: 'V2', count: 1 }],
    });
    expect(doc.summary.pendingReviewFindings).toBeGreaterThanOrEqual(1);
    expect(doc.summary.rectifications).toMatchObject({ total: 1, open: 1, overdue: 1 });
  });

  it("answers not found outside the caller's subtree and for roles that may not export", async () => {
    await expect(
      buildQuarterlyNotice({
        access: accessFor('AUDITOR', otherCountyId),
        agencyId: countyId,
        period: '2026Q3',
        now: EXPORT_AT,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const other = await buildQuarterlyNotice({
      access: accessFor('AUDITOR', otherCountyId),
      agencyId: otherCountyId,
      period: '2026Q3',
      now: EXPORT_AT,
      db: t.db,
    });
    expect(other.accounts).toEqual([]);
    await expect(
      buildQuarterlyNotice({
        access: accessFor('AUDITOR', countyId),
        agencyId: countyId,
        period: '2026',
        now: EXPORT_AT,
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('has nothing for another quarter', async () => {
    const doc = await buildQuarterlyNotice({
      access: accessFor('ADMIN', countyId),
      agencyId: countyId,
      period: '2026Q2',
      now: EXPORT_AT,
      db: t.db,
    });
    expect([doc.inspections.length, doc.accounts.length, doc.summary.passRate]).toEqual([0, 0, null]);
  });
});

describe('buildAnnualReport', () => {
  it('adds quarter-by-quarter figures for the year', async () => {
    const doc = await buildAnnualReport({
      access: accessFor('AUDITOR', countyId),
      agencyId: countyId,
      period: '2026',
      now: EXPORT_AT,
      db: t.db,
    });
    expect(doc.quarters.map((q) => [q.quarter, q.accountsInspected])).toEqual([
      ['2026Q1', 0],
      ['2026Q2', 0],
      ['2026Q3', 5],
      ['2026Q4', 0],
    ]);
    // The Q3 zombie is the year's zombie too (as the Q3 notice says), in one quarter only: not an A4 one.
    expect(doc.zombies).toEqual([
      expect.objectContaining({ accountId: ids['僵尸号'], quarters: ['2026Q3'], isPersistent: false }),
    ]);
    expect(doc.summary).toMatchObject({ zombieAccounts: 1, persistentZombieAccounts: 0 });
  });
});

describe('exportReport files, read back', () => {
  const query = (format: 'pdf' | 'xlsx' | 'docx', locale?: 'en', period = '2026Q3') => ({
    kind: 'notice' as const,
    period,
    agencyId: countyId,
    format,
    ...(locale ? { locale } : {}),
  });
  // The CJK fonts' ToUnicode maps some glyphs to radicals (⽂ for 文, ⻅ for 见): NFKC folds the Kangxi radicals,
  // the table the supplement radicals NFKC leaves alone; compare the characters meant.
  const RADICALS: Record<string, string> = {
    '⻅': '见',
    '⻓': '长',
    '⻔': '门',
    '⻋': '车',
    '⻛': '风',
    '⻜': '飞',
    '⻢': '马',
    '⻚': '页',
    '⻝': '食',
    '⻥': '鱼',
    '⻦': '鸟',
    '⻉': '贝',
    '⻄': '西',
    '⻈': '讠',
    '⻘': '青',
    '⻩': '黄',
    '⻆': '角',
    '⻣': '骨',
    '⻨': '麦',
    '⻬': '齐',
    '⻮': '齿',
    '⻳': '龟',
    '⻤': '鬼',
  };
  const squash = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c)
      .replace(/\s+/g, '');

  async function docxText(bytes: Uint8Array) {
    const zip = await JSZip.loadAsync(bytes);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({
      style: /<w:pStyle w:val="([^"]+)"/.exec(m[0])?.[1] ?? '',
      text: m[0].replace(/<[^>]+>/g, ''),
    }));
    return { xml, styles, paragraphs, text: paragraphs.map((p) => p.text).join('\n') };
  }
  async function workbook(bytes: Uint8Array) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    return wb;
  }

  it('XLSX: the document sheet, the figures, then the attachments with frozen Chinese headers and informational rows', async () => {
    const file = await exportReport({
      access: accessFor('AUDITOR', countyId),
      query: query('xlsx'),
      now: EXPORT_AT,
      db: t.db,
    });
    expect(file.filename).toBe('巡检通报-临溪县测试-2026Q3.xlsx');
    const wb = await workbook(file.bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['正文', '汇总', '账号', '数据不足', '问题', '僵尸号', '检查']);
    const accounts = wb.getWorksheet('账号');
    expect(accounts?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([accounts?.getRow(1).getCell(1).value, accounts?.getRow(1).getCell(2).value]).toEqual(['序号', '单位']);
    const rows = sheetLines(accounts);
    expect(rows.find((r) => r.includes('僵尸号'))).toMatch(/单项否决.*14 天内无更新.*更新不及时−\d+.*仅供参考/);
    expect(rows.some((r) => r.includes('抓取失败号'))).toBe(false);
    expect(rows[0]).toContain('通报得分|计算得分|加分|');
    expect(rows.find((r) => r.includes('正常发布号'))).toMatch(/合格\|(\d+)\|\d+\|2\|/);
    const insufficient = sheetLines(wb.getWorksheet('数据不足'));
    expect(insufficient.some((r) => r.includes('抓取失败号') && r.includes('第三季度'))).toBe(true);
    const findings = sheetLines(wb.getWorksheet('问题'));
    expect(findings.find((r) => r.includes('你最好永远别来'))).toMatch(/内容不规范：侮辱性表述\|已确认.*已逾期/);
    expect(findings.filter((r) => r.includes('仅供参考')).length).toBeGreaterThan(0);
    expect(sheetLines(wb.getWorksheet('检查')).join('\n')).not.toContain('national-2019');
    const summary = sheetLines(wb.getWorksheet('汇总'));
    expect(summary).toEqual(
      expect.arrayContaining([
        expect.stringContaining('受检账号数|5'),
        expect.stringContaining('数据不足|1'),
        expect.stringContaining('僵尸号|1'),
      ]),
    );
    const audit = await t.db.auditLog.findFirst({
      where: { action: 'export.notice', entityId: countyId },
      orderBy: { at: 'desc' },
    });
    expect(audit).toMatchObject({
      actorId: 'user-AUDITOR',
      entityType: 'agency',
      after: expect.objectContaining({ format: 'xlsx', period: '2026Q3', sequence: 1 }),
    });
  });

  it('XLSX in English for an English-speaking user', async () => {
    const file = await exportReport({
      access: accessFor('AUDITOR', countyId, 'en'),
      query: query('xlsx'),
      now: EXPORT_AT,
      db: t.db,
    });
    expect(file.filename).toBe('inspection-notice-临溪县测试-2026Q3.xlsx');
    const wb = await workbook(file.bytes);
    expect(wb.worksheets.map((w) => w.name)).toContain('Findings');
    expect(wb.getWorksheet('Accounts')?.getRow(1).getCell(2).value).toBe('Agency');
  });

  it('issues one 发文字号 per period and a sequence per kind and year; an empty period gets none', async () => {
    const numbers = () =>
      t.db.documentNumber.findMany({
        where: { agencyId: countyId },
        orderBy: [{ kind: 'asc' }, { sequence: 'asc' }],
        select: { kind: true, year: true, sequence: true, periodCode: true },
      });
    await exportReport({ access: accessFor('AUDITOR', countyId), query: query('xlsx'), now: EXPORT_AT, db: t.db });
    const empty = await exportReport({
      access: accessFor('AUDITOR', countyId),
      query: query('docx', undefined, '2026Q2'),
      now: EXPORT_AT,
      db: t.db,
    });
    expect((await docxText(empty.bytes)).text).not.toMatch(/巡检〔2026〕\d+号/);
    await exportReport({
      access: accessFor('AUDITOR', countyId),
      query: { kind: 'annual', period: '2026', agencyId: countyId, format: 'xlsx' },
      now: EXPORT_AT,
      db: t.db,
    });
    expect(await numbers()).toEqual([
      { kind: 'annual', year: 2026, sequence: 1, periodCode: '2026' },
      { kind: 'notice', year: 2026, sequence: 1, periodCode: '2026Q3' },
    ]);
    // Two exports of a new period at once take one number; a second period takes the next.
    const other = await createTestAgency(t.db, { name: '临溪县测试二', parentId: countyId, level: 'DEPARTMENT' });
    const key = { agencyId: other.id, kind: 'notice', year: 2026 };
    const { issueDocumentNumber } = await import('@/lib/data/document-numbers');
    const same = await Promise.all(
      [1, 2, 3].map(() => issueDocumentNumber(t.db, { ...key, periodCode: '2026Q3' }, null, EXPORT_AT)),
    );
    const next = await Promise.all(
      ['2026Q1', '2026Q2'].map((periodCode) => issueDocumentNumber(t.db, { ...key, periodCode }, null, EXPORT_AT)),
    );
    expect(same).toEqual([1, 1, 1]);
    expect(next.sort()).toEqual([2, 3]);
  });

  it('DOCX: an official document with named styles, A4 portrait, the number, title, sections, signature date and the figures', async () => {
    const notice = await buildQuarterlyNotice({
      access: accessFor('AUDITOR', countyId),
      agencyId: countyId,
      period: '2026Q3',
      now: EXPORT_AT,
      db: t.db,
    });
    const file = await exportReport({
      access: accessFor('ADMIN', countyId),
      query: query('docx'),
      now: EXPORT_AT,
      db: t.db,
    });
    expect(Buffer.from(file.bytes.slice(0, 2)).toString()).toBe('PK');
    const { xml, styles, paragraphs, text } = await docxText(file.bytes);
    const styled = (style: string) => paragraphs.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('GwRedhead')).toEqual(['临溪县测试文件']);
    expect(styled('GwNumber')).toEqual(['临溪县测试巡检〔2026〕1号']);
    expect(styled('GwTitle')).toEqual(['临溪县测试2026年第三季度政务新媒体检查情况通报']);
    expect(styled('GwAddressee')).toEqual(['临溪县测试各有关单位：']);
    expect(styled('Heading1')).toEqual(['一、总体情况', '二、主要问题', '三、整改要求']);
    expect(styled('GwSignature')).toEqual(['临溪县测试', '2026年11月5日']);
    expect(styled('GwAttachmentLabel')).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5']);
    expect(styles).toContain('w:name w:val="公文正文"');
    expect(styles).toMatch(/w:styleId="GwBody"[\s\S]*?仿宋_GB2312/);
    const page = /<w:pgSz [^>]*w:w="(\d+)"[^>]*w:h="(\d+)"/.exec(xml);
    expect(Number(page?.[1])).toBeLessThan(Number(page?.[2]));
    const s = notice.summary;
    expect(text).toContain(
      `本期共检查政务新媒体账号${s.accountsInspected}个，得出结论${s.scored}个，其中合格${s.passed}个，合格率${(Number(s.passRate) * 100).toFixed(1)}%；单项否决${s.vetoed}个`,
    );
    expect(text).toContain('“僵尸号”（微博）因14 天内无更新被单项否决');
    expect(text).toContain('不计入合格或不合格');
    expect(text).toContain('仅供参考');
    expect(text).toContain('你最好永远别来');
    expect(text).not.toContain('打call');
    expect(text).not.toMatch(/\b(V[123]|D\d{1,2})\b|national-2019|2026Q\d/);
  });

  it('PDF, DOCX and XLSX carry the same document text; the PDF prints it A4 portrait with the CJK fonts and — n — page numbers', async () => {
    const [pdfFile, docxFile, xlsxFile] = await Promise.all(
      (['pdf', 'docx', 'xlsx'] as const).map((format) =>
        exportReport({ access: accessFor('AUDITOR', countyId), query: query(format), now: EXPORT_AT, db: t.db }),
      ),
    );
    if (!pdfFile || !docxFile || !xlsxFile) throw new Error('files');
    expect(Buffer.from(pdfFile.bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const pdf = readPdf(Buffer.from(pdfFile.bytes));
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    expect(pdf.fontNames.some((n) => /NotoS(erif|ans)CJK/.test(n))).toBe(true);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(Buffer.from(pdfFile.bytes).toString('latin1'));
    expect([Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))]).toEqual([595, 842]);
    pdf.pages.forEach((p, i) => expect(squash(p)).toContain(`—${i + 1}—`));
    const pdfText = squash(pdf.pages.join('')).replace(/—\d+—/g, '');
    const lines = sheetLines((await workbook(xlsxFile.bytes)).getWorksheet('正文')).filter(Boolean);
    const docx = squash((await docxText(docxFile.bytes)).text);
    expect(lines.length).toBeGreaterThan(12);
    for (const line of lines) {
      expect(pdfText).toContain(squash(line));
      expect(docx).toContain(squash(line));
    }
    expect(lines).toEqual(
      expect.arrayContaining([
        '临溪县测试巡检〔2026〕1号',
        '临溪县测试2026年第三季度政务新媒体检查情况通报',
        '2026年11月5日',
      ]),
    );
    expect(pdfText).toContain('抓取失败号');
    expect(pdfText).toContain('你最好永远别来');
  }, 90_000);
});

describe('annual report files', () => {
  it('PDF and DOCX open with the assessment in the body and the items as 附件1, numbered apart from the notices', async () => {
    const annual = { kind: 'annual' as const, period: '2026', agencyId: countyId };
    const docx = await exportReport({
      access: accessFor('AUDITOR', countyId),
      query: { ...annual, format: 'docx' },
      now: EXPORT_AT,
      db: t.db,
    });
    const xml = (await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('临溪县测试2026年度政务新媒体监管考核报告');
    expect(text).toMatch(/临溪县测试巡检〔2026〕\d+号/);
    expect(text).toContain('年度监管工作考核情况');
    expect(text).toMatch(/第三季度检查账号5个/);
    expect(text).not.toMatch(/\b(A[0-5]|V[123]|D\d{1,2})\b|2026Q\d/);
  });
});
