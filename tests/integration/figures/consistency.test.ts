// One province built through the real ingest path, then every surface asked for the same figures: the overview, the
// agency scorecard (rows summed and one by one), the account page, the quarterly notice, the annual report in XLSX,
// DOCX and PDF, and the JSON API. A figure built twice drifts; this test is what notices.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Access } from '@/lib/access';
import { buildAnnualReport } from '@/lib/services/build-annual-report';
import { buildQuarterlyNotice } from '@/lib/services/build-quarterly-notice';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { exportReport } from '@/lib/services/export-report';
import { getAccountDetail } from '@/lib/services/get-account-detail';
import { getAgencyScorecard } from '@/lib/services/get-agency-scorecard';
import { getOverview } from '@/lib/services/get-overview';
import { ingestSnapshot } from '@/lib/services/ingest-snapshot';
import { runInspection } from '@/lib/services/run-inspection';
import type { ExportDocument } from '@/lib/schemas/export-document';
import type { PlatformCode } from '@/lib/schemas/enums';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';
import { readPdf } from '../../helpers/pdf-text';

// Route handlers read the session and the process-wide client; the test stands in for both.
const session = vi.hoisted(() => ({ access: null as Access | null }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentAccess: async () => session.access,
  requireAccess: async () => {
    if (!session.access) throw new Error('no session');
    return session.access;
  },
  requirePageAccess: async () => session.access,
}));
const { GET: getOverviewRoute } = await import('@/app/api/overview/route');
const { GET: getAgencyRoute } = await import('@/app/api/agencies/[id]/route');
const { GET: getAccountScoresRoute } = await import('@/app/api/accounts/[id]/scores/route');
// /api/v1 (docs/api.md) answers through the same services; its scores list reads each score with readScoreFigures.
vi.mock('server-only', () => ({}));
const { GET: getV1OverviewRoute } = await import('@/app/api/v1/overview/route');
const { GET: getV1ScoresRoute } = await import('@/app/api/v1/scores/route');

const AT = new Date('2026-11-20T04:00:00Z'); // 2026Q4
const NOW = new Date('2026-11-21T04:00:00Z');
const DAY = 86_400_000;
let t: TestDatabase;
const agencies: Record<string, string> = {};
const accounts: Record<string, string> = {};
let access: Access;

type PostSpec = { daysAgo: number; text: string };

async function account(
  agency: string,
  name: string,
  posts: PostSpec[],
  opts: { coveredDays?: number; platform?: PlatformCode } = {},
) {
  const a = await createTestAccount(t.db, agencies[agency] ?? '', {
    displayName: name,
    platformCode: opts.platform ?? 'WEIBO',
  });
  accounts[name] = a.id;
  if (opts.platform && opts.platform !== 'WEIBO') return; // an app: never posts, its store is not crawled here
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
      coverage: { from: new Date(AT.getTime() - (opts.coveredDays ?? 40) * DAY), to: AT },
      deletedPostIds: [],
      appReleases: [],
      storeListings: [],
    },
    { now: AT },
  );
}

const daily = (text: string): PostSpec[] =>
  [1, 3, 5, 8, 12, 16, 20, 25].map((daysAgo) => ({ daysAgo, text: `${text}（${daysAgo}）` }));
// Six advertisements of −5 each on separate days (no burst): D3 sums to −30 and counts its maximum, −20.
const ads: PostSpec[] = [2, 4, 6, 9, 11, 13].map((daysAgo) => ({
  daysAgo,
  text: `精仿运动鞋，全场包邮，第${daysAgo}批`,
}));

beforeAll(async () => {
  t = await createTestDatabase();
  (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')] = t.db;
  await ensureScoringConfig(t.db);
  agencies.province = (await createTestAgency(t.db, { name: '江川省一致性' })).id;
  agencies.cityA = (
    await createTestAgency(t.db, { name: '甲市', parentId: agencies.province, level: 'CITY', isSupervisingUnit: true })
  ).id;
  agencies.countyA = (await createTestAgency(t.db, { name: '甲县', parentId: agencies.cityA, level: 'COUNTY' })).id;
  agencies.cityB = (await createTestAgency(t.db, { name: '乙市', parentId: agencies.province, level: 'CITY' })).id;
  await account('province', '江川发布', daily('全省政务信息发布'));
  await account('cityA', '甲市发布', daily('甲市政务信息'));
  await account('countyA', '甲县僵尸号', [{ daysAgo: 20, text: '最后一条通知。' }]);
  await account('countyA', '甲县广告号', [...daily('甲县便民信息'), ...ads]);
  await account('cityB', '乙市抓取失败号', [{ daysAgo: 20, text: '政务信息。' }], { coveredDays: 3 });
  await account('cityB', '乙市发布', daily('乙市政务信息'));
  await account('cityB', '乙市客户端', [], { platform: 'APP_IOS' });
  access = {
    userId: 'user-consistency',
    name: '监管',
    email: 'c@test.local',
    locale: 'zh-CN',
    grants: [{ role: 'SUPERVISOR', agencyId: agencies.province, agencyName: '江川省一致性' }],
  };
  session.access = access;
  const { id } = await createInspection({
    access: null,
    input: {
      name: '四季度检查',
      monitoringAt: AT,
      scopeAgencyId: agencies.province,
      scope: 'TREE',
      editionCode: 'national-2019',
    },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: AT });
}, 180_000);
afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')];
  session.access = null;
  await t?.drop();
});

const notice = (agencyId = agencies.province ?? '') =>
  buildQuarterlyNotice({ access, agencyId, period: '2026Q4', now: NOW, db: t.db });
const annual = () =>
  buildAnnualReport({ access, agencyId: agencies.province ?? '', period: '2026', now: NOW, db: t.db });
const apiJson = async (response: Response | Promise<Response>) => {
  const r = await response;
  expect(r.status).toBe(200);
  return r.json();
};
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const headline = (d: ExportDocument) => ({
  scored: d.summary.scored,
  passed: d.summary.passed,
  vetoed: d.summary.vetoed,
  passRate: d.summary.passRate,
  zombies: d.summary.zombieAccounts,
});

function sheetLines(ws: ExcelJS.Worksheet | undefined): string[] {
  const lines: string[] = [];
  ws?.eachRow((row) =>
    lines.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => String(v ?? '')).join('|')),
  );
  return lines;
}

describe('the province as built', () => {
  it('has what the figures are about: a vetoed zombie, an insufficient-data account, a capped indicator, an app', async () => {
    const d = await notice();
    expect(d.summary).toMatchObject({ vetoed: 1, zombieAccounts: 1 });
    expect(d.summary.insufficientData).toBeGreaterThanOrEqual(1);
    expect(d.insufficientData.map((r) => r.accountId)).toContain(accounts['乙市抓取失败号']);
    const zombie = d.accounts.find((a) => a.accountId === accounts['甲县僵尸号']);
    // The case: a computed score above the veto score, reported as the veto score.
    expect(zombie).toMatchObject({ result: 'FAIL_VETO', reportedScore: 59 });
    expect(zombie?.total).toBeGreaterThan(59);
    expect(d.accounts.find((a) => a.accountId === accounts['甲县广告号'])?.deductions).toContainEqual({
      code: 'D3',
      raw: 30,
      deducted: 20,
      max: 20,
      isCapped: true,
    });
  });
});

describe('pass rate, vetoes and zombies agree on every surface', () => {
  it("overview = notice = annual report = agency rows (summed with the root's own accounts) = API", async () => {
    const overview = await getOverview({ now: NOW, scopeRoots: [agencies.province ?? ''], db: t.db });
    const o = {
      scored: overview.latest.scored,
      passed: overview.latest.passed,
      vetoed: overview.latest.vetoed,
      passRate: overview.latest.passRate,
      zombies: overview.latest.zombies,
    };
    const [n, y] = await Promise.all([notice(), annual()]);
    expect(headline(n)).toEqual(o);
    expect(headline(y)).toEqual(o);
    const q4 = y.quarters.find((q) => q.quarter === '2026Q4');
    expect({ scored: q4?.scored, passed: q4?.passed, vetoed: q4?.vetoed, passRate: q4?.passRate }).toEqual({
      scored: o.scored,
      passed: o.passed,
      vetoed: o.vetoed,
      passRate: o.passRate,
    });

    const card = await getAgencyScorecard({ access, agencyId: agencies.province ?? '', now: NOW, db: t.db });
    const own = card.accounts.flatMap((a) => (a.latest ? [a.latest] : []));
    const sum = (pick: (r: (typeof card.children)[number]) => number) =>
      card.children.reduce((acc, r) => acc + pick(r), 0);
    const ownScored = own.filter((a) => a.result !== 'INSUFFICIENT_DATA');
    expect(sum((r) => r.results.scored) + ownScored.length).toBe(o.scored);
    expect(sum((r) => r.results.passed) + own.filter((a) => a.result === 'PASS').length).toBe(o.passed);
    expect(sum((r) => r.results.vetoed) + own.filter((a) => a.result === 'FAIL_VETO').length).toBe(o.vetoed);
    expect(sum((r) => r.zombies) + own.filter((a) => a.isZombie).length).toBe(o.zombies);

    const api = await apiJson(getOverviewRoute(new Request('http://test/api/overview')));
    expect({
      scored: api.latest.scored,
      passed: api.latest.passed,
      vetoed: api.latest.vetoed,
      passRate: api.latest.passRate,
      zombies: api.latest.zombies,
    }).toEqual(o);
    const v1 = await apiJson(getV1OverviewRoute(new Request('http://test/api/v1/overview')));
    expect({
      scored: v1.latest.scored,
      passed: v1.latest.passed,
      vetoed: v1.latest.vetoed,
      passRate: v1.latest.passRate,
      zombies: v1.latest.zombies,
    }).toEqual(o);
  });

  it("the notice's zombie count, the annual report's count and its zombie sheet are the same accounts", async () => {
    const [n, y] = await Promise.all([notice(), annual()]);
    expect(y.zombies.map((z) => z.accountId)).toEqual(n.zombies.map((z) => z.accountId));
    expect(y.zombies.map((z) => z.accountId)).toEqual([accounts['甲县僵尸号']]);
    expect(y.summary.vetoesByIndicator).toContainEqual({ code: 'V2', count: 1 });
    // The annual assessment reads the same list: A4 counts its zombies of two or more quarters, A5 the same pass rate.
    const items = new Map((y.assessment?.assessment.items ?? []).map((i) => [i.code, i]));
    expect(items.get('A4')?.facts.filter((f) => f.kind.startsWith('ZOMBIE')).length).toBe(
      y.summary.persistentZombieAccounts,
    );
    expect(items.get('A5')?.facts.find((f) => f.kind === 'PASS_RATE')?.ratio).toBe(y.summary.passRate);
  });
});

describe('per agency', () => {
  it("each child row equals that subtree's notice, overview and API row", async () => {
    const card = await getAgencyScorecard({ access, agencyId: agencies.province ?? '', now: NOW, db: t.db });
    const api = await apiJson(
      getAgencyRoute(new Request(`http://test/api/agencies/${agencies.province}`), {
        params: Promise.resolve({ id: agencies.province ?? '' }),
      }),
    );
    expect(card.children.map((c) => c.name)).toEqual(['乙市', '甲市']);
    for (const row of card.children) {
      const d = await notice(row.agencyId);
      const overview = await getOverview({ now: NOW, scopeRoots: [row.agencyId], db: t.db });
      const fromRow = {
        scored: row.results.scored,
        passed: row.results.passed,
        vetoed: row.results.vetoed,
        passRate: row.results.passRate,
        zombies: row.zombies,
      };
      expect(headline(d), row.name).toEqual(fromRow);
      expect(
        {
          scored: overview.latest.scored,
          passed: overview.latest.passed,
          vetoed: overview.latest.vetoed,
          passRate: overview.latest.passRate,
          zombies: overview.latest.zombies,
        },
        row.name,
      ).toEqual(fromRow);
      expect(overview.staleCount, row.name).toBe(row.staleAccounts);
      // The API answers at the real clock: its stale column may differ from the test's NOW, its score figures may not.
      const apiRow = api.children.find((c: { agencyId: string }) => c.agencyId === row.agencyId);
      expect({ results: apiRow.results, zombies: apiRow.zombies, accounts: apiRow.accounts }, row.name).toEqual({
        results: row.results,
        zombies: row.zombies,
        accounts: row.accounts,
      });
    }
  });
});

describe('per account', () => {
  it('the account page, the agency page, the overview risk list, the notice, the annual report and the API give the same result and reported score', async () => {
    const [n, y, overview] = await Promise.all([
      notice(),
      annual(),
      getOverview({ now: NOW, scopeRoots: [agencies.province ?? ''], db: t.db }),
    ]);
    for (const [name, accountId] of Object.entries(accounts)) {
      const detail = await getAccountDetail({ access, accountId, page: 1, now: NOW, db: t.db });
      const latest = detail.scores[0];
      expect(latest, name).toBeDefined();
      if (!latest) continue;
      const card = await getAgencyScorecard({ access, agencyId: detail.header.agency.id, now: NOW, db: t.db });
      const onAgencyPage = card.accounts.find((a) => a.id === accountId)?.latest;
      expect({ result: onAgencyPage?.result, reportedScore: onAgencyPage?.reportedScore }, name).toEqual({
        result: latest.result,
        reportedScore: latest.reportedScore,
      });
      const api = await apiJson(
        getAccountScoresRoute(new Request(`http://test/api/accounts/${accountId}/scores`), {
          params: Promise.resolve({ id: accountId }),
        }),
      );
      expect(
        {
          result: api.scores[0].result,
          reportedScore: api.scores[0].reportedScore,
          deductions: api.scores[0].deductions,
        },
        name,
      ).toEqual({ result: latest.result, reportedScore: latest.reportedScore, deductions: latest.deductions });
      const v1 = await apiJson(getV1ScoresRoute(new Request(`http://test/api/v1/scores?accountId=${accountId}`)));
      expect(
        v1.items.map((s: { result: string; reportedScore: number; total: number; bonus: number }) => ({
          result: s.result,
          reportedScore: s.reportedScore,
          total: s.total,
          bonus: s.bonus,
        })),
        name,
      ).toEqual([
        { result: latest.result, reportedScore: latest.reportedScore, total: latest.total, bonus: latest.bonus },
      ]);
      if (!latest.isScored) {
        expect(
          n.insufficientData.map((r) => r.accountId),
          name,
        ).toContain(accountId);
        expect(
          y.insufficientData.map((r) => r.accountId),
          name,
        ).toContain(accountId);
        continue;
      }
      for (const d of [n, y]) {
        const row = d.accounts.find((a) => a.accountId === accountId && a.quarter === '2026Q4');
        expect(
          {
            result: row?.result,
            reportedScore: row?.reportedScore,
            total: row?.total,
            bonus: row?.bonus,
            deductions: row?.deductions,
          },
          `${d.kind} ${name}`,
        ).toEqual({
          result: latest.result,
          reportedScore: latest.reportedScore,
          total: latest.total,
          bonus: latest.bonus,
          deductions: latest.deductions,
        });
      }
      const risk = [...overview.latest.vetoedAccounts, ...overview.latest.atRiskAccounts].find(
        (r) => r.accountId === accountId,
      );
      if (risk) expect(risk.reportedScore, name).toBe(latest.reportedScore);
    }
  });

  it('shows the cap beside a capped indicator on the account page and in the export', async () => {
    const detail = await getAccountDetail({
      access,
      accountId: accounts['甲县广告号'] ?? '',
      page: 1,
      now: NOW,
      db: t.db,
    });
    expect(detail.scores[0]?.deductions).toContainEqual({ code: 'D3', raw: 30, deducted: 20, max: 20, isCapped: true });
    // Every ad finding is listed at −5; the per-indicator line says what counted.
    expect(detail.findings.filter((f) => f.ruleId === 'D3.ADVERTISEMENT').map((f) => f.points)).toEqual([
      5, 5, 5, 5, 5, 5,
    ]);
  });

  it("labels the score's coverage with the inspection window, not the page's 60 days", async () => {
    const detail = await getAccountDetail({
      access,
      accountId: accounts['甲市发布'] ?? '',
      page: 1,
      now: NOW,
      db: t.db,
    });
    expect(detail.coverageDays).toBe(60);
    expect(detail.coverage).toHaveLength(60);
    expect(detail.scores[0]?.coverage.windowDays).toBe(15);
  });
});

describe('the annual report files say the same', () => {
  const file = (format: 'xlsx' | 'docx' | 'pdf', kind: 'annual' | 'notice' = 'annual') =>
    exportReport({
      access,
      query: { kind, period: kind === 'annual' ? '2026' : '2026Q4', agencyId: agencies.province ?? '', format },
      now: NOW,
      db: t.db,
    });

  it("XLSX: summary figures, the zombie sheet and each account's reported score", async () => {
    const [overview, n] = await Promise.all([
      getOverview({ now: NOW, scopeRoots: [agencies.province ?? ''], db: t.db }),
      notice(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await file('xlsx')).bytes) as unknown as ArrayBuffer);
    const summary = sheetLines(wb.getWorksheet('汇总'));
    expect(summary).toContain(`合格率|${percent(overview.latest.passRate)}`);
    expect(summary).toContain(`单项否决|${overview.latest.vetoed}`);
    expect(summary).toContain(`僵尸号|${overview.latest.zombies}`);
    const zombies = sheetLines(wb.getWorksheet('僵尸号')).slice(1);
    expect(zombies).toHaveLength(n.summary.zombieAccounts);
    expect(zombies[0]).toContain('甲县僵尸号');
    const rows = sheetLines(wb.getWorksheet('账号'));
    for (const a of n.accounts) {
      expect(
        rows.find((r) => r.includes(`|${a.accountName}|`)),
        a.accountName,
      ).toMatch(new RegExp(`\\|${a.reportedScore}\\|${a.total}\\|`));
    }
    expect(rows.find((r) => r.includes('甲县广告号'))).toContain('内容不规范−30，按上限计 −20');
  });

  it('DOCX: the summary paragraph and the zombie count', async () => {
    const overview = await getOverview({ now: NOW, scopeRoots: [agencies.province ?? ''], db: t.db });
    const xml = await (await JSZip.loadAsync((await file('docx')).bytes)).file('word/document.xml')?.async('string');
    const text = (xml ?? '').replace(/<[^>]+>/g, '');
    expect(text).toContain(
      `合格${overview.latest.passed}个，合格率${percent(overview.latest.passRate)}；单项否决${overview.latest.vetoed}个`,
    );
    expect(text).toContain(`僵尸号（内容不更新被单项否决）${overview.latest.zombies}个`);
    expect(text).toContain('内容不规范−30，按上限计 −20');
  });

  it('PDF: the same sentences read back', async () => {
    const overview = await getOverview({ now: NOW, scopeRoots: [agencies.province ?? ''], db: t.db });
    // The CJK font maps some characters to Kangxi radicals (⼫ for 尸): compare NFKC forms.
    const text = readPdf(Buffer.from((await file('pdf')).bytes))
      .pages.join('')
      .replace(/\s+/g, '')
      .normalize('NFKC');
    expect(text).toContain(
      `合格${overview.latest.passed}个，合格率${percent(overview.latest.passRate)}；单项否决${overview.latest.vetoed}个`.normalize(
        'NFKC',
      ),
    );
    expect(text).toContain(`僵尸号（内容不更新被单项否决）${overview.latest.zombies}个`.normalize('NFKC'));
    expect(text).toContain('内容不规范−30，按上限计−20'.normalize('NFKC'));
  }, 90_000);
});
