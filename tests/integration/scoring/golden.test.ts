import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { upsertEdition } from '@/lib/data/scoring-config';
import { DEMO_GOLDEN_ACCOUNTS } from '@/lib/demo/accounts';
import { buildDemoProvince } from '@/lib/demo/province';
import { cloneEdition, NATIONAL_2019 } from '@/lib/scoring';
import { createInspection } from '@/lib/services/create-inspection';
import { reviewFindings } from '@/lib/services/review-findings';
import { runInspection } from '@/lib/services/run-inspection';
import { seedDemoProvince } from '@/lib/services/seed-demo-province';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

// The golden cases of docs/indicators.md, built through the real ingest path (demo seed → ingestSnapshot → runInspection).
const NOW = new Date('2026-11-25T04:00:00Z');
const province = buildDemoProvince({ now: NOW });
let t: TestDatabase;
let inspectionId: string;
let rootAgencyId: string;

const handleOf = (key: string) => province.accounts.find((a) => a.key === key)?.handle ?? '';

async function scoreOf(key: string, inspection = inspectionId) {
  const account = await t.db.account.findFirstOrThrow({ where: { handle: handleOf(key) } });
  const score = await t.db.score.findUniqueOrThrow({
    where: { inspectionId_accountId: { inspectionId: inspection, accountId: account.id } },
  });
  const findings = await t.db.finding.findMany({
    where: { inspectionId: inspection, accountId: account.id },
    orderBy: { ruleId: 'asc' },
  });
  const breakdown = (score.breakdown as { indicators: Array<{ code: string; status: string; deducted: number }> })
    .indicators;
  return { account, score, findings, indicator: (code: string) => breakdown.find((b) => b.code === code) };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoProvince({ db: t.db, now: NOW, ifEmpty: false });
  // The province's own inspection (the past quarters' ones are at earlier monitoring dates).
  const inspection = await t.db.inspection.findFirstOrThrow({ where: { monitoringAt: NOW } });
  inspectionId = inspection.id;
  rootAgencyId = inspection.scopeAgencyId;
}, 420_000);
afterAll(async () => t.drop());

describe('golden cases G1–G12', () => {
  it('G1 打call: D3 off-mission −2, suspected, and the account still passes', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G1);
    expect(s.findings.filter((f) => f.ruleId === 'D3.ENTERTAINMENT')).toMatchObject([
      { status: 'SUSPECTED', points: 2, matchedText: '打call' },
    ]);
    expect(s.score.result).toBe('PASS');
  });

  it('G2 怼网友: an insulting reply is D3 −5, suspected, with the comment as evidence', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G2);
    expect(s.findings.filter((f) => f.ruleId === 'D3.INSULT')).toMatchObject([
      { status: 'SUSPECTED', points: 5, sourceType: 'COMMENT' },
    ]);
  });

  it('G3 机器人雷人回复: D5 inappropriate reply −10', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G3);
    expect(s.findings.filter((f) => f.ruleId === 'D5.INAPPROPRIATE_REPLY')).toMatchObject([
      { points: 10, matchedText: '你不说话没人把你当哑巴' },
    ]);
  });

  it('G4 谣言更正: D2 correction −5 and D3 emotional −5', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G4);
    expect(s.findings.map((f) => [f.ruleId, f.points])).toEqual(
      expect.arrayContaining([
        ['D2.CORRECTION', 5],
        ['D3.EMOTIONAL', 5],
      ]),
    );
  });

  it('G5 敏感转发: V1.3 suspected puts the account at risk; after confirmation it fails by veto', async () => {
    const before = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G5);
    expect(before.score.result).toBe('AT_RISK');
    const v13 = before.findings.filter((f) => f.indicatorCode === 'V1.3');
    expect(v13.length).toBeGreaterThan(0);
    const admin: Access = {
      userId: 'test-admin',
      name: 'a',
      email: 'a@x',
      locale: 'zh-CN',
      grants: [{ role: 'ADMIN', agencyId: rootAgencyId, agencyName: '' }],
    };
    await reviewFindings({
      access: admin,
      input: { ids: v13.map((f) => f.id), decision: 'CONFIRMED', reason: '' },
      now: NOW,
      db: t.db,
    });
    const after = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G5);
    expect(after.score.result).toBe('FAIL_VETO');
    expect(after.score.vetoCodes).toEqual(['V1.3']);
    expect(
      await t.db.rectification.count({
        where: { findingId: { in: after.findings.filter((f) => f.indicatorCode === 'V1.3').map((f) => f.id) } },
      }),
    ).toBeGreaterThan(0);
  });

  it('G6 官微卖鞋: V1.4 suspected after a spam burst; V2 not hit the day after', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G6);
    expect(s.findings.filter((f) => f.ruleId === 'V1.4.SPAM_BURST')).toMatchObject([
      { status: 'SUSPECTED', isVeto: true },
    ]);
    expect(s.indicator('V2')?.status).toBe('CLEAR');
    expect(s.score.result).toBe('AT_RISK');
  });

  it('G7 僵尸号: V2 confirmed, FAIL_VETO', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G7);
    expect(s.findings.filter((f) => f.indicatorCode === 'V2')).toMatchObject([{ status: 'CONFIRMED', isVeto: true }]);
    expect(s.score.result).toBe('FAIL_VETO');
  });

  it('G8 抓取失败: V2 is insufficient data, not a veto, and coverage shows the gap', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G8);
    expect(s.indicator('V2')?.status).toBe('INSUFFICIENT_DATA');
    expect(s.findings.filter((f) => f.indicatorCode === 'V2')).toEqual([]);
    expect(s.score.result).toBe('INSUFFICIENT_DATA');
    const coverage = s.score.coverage as { windowDays: number; coveredDays: number };
    expect(coverage.coveredDays).toBeLessThan(coverage.windowDays);
  });

  it('G9 隐私泄露: −5 per valid number; the bad checksum is not a hit', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G9);
    const d4 = s.findings.filter((f) => f.indicatorCode === 'D4');
    expect(d4.map((f) => f.matchedText).sort()).toEqual(['110101199003077571', '13912345678']);
    expect(d4.every((f) => f.points === 5)).toBe(true);
    const post = await t.db.post.findUniqueOrThrow({ where: { id: d4[0]?.postId ?? '' } });
    expect(post.text.slice(d4[0]?.spanStart ?? 0, d4[0]?.spanEnd ?? 0)).toBe(d4[0]?.matchedText);
  });

  it('G10 山寨APP: D7 −15', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G10);
    expect(s.indicator('D7')?.deducted).toBe(15);
    expect(s.findings.map((f) => f.ruleId).sort()).toEqual(
      expect.arrayContaining(['D7.LOOKALIKE_APP', 'D7.LOW_RATING', 'D7.NO_RECENT_RELEASE']),
    );
  });

  it('G11 强推关注: D9 −5', async () => {
    const s = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G11);
    expect(s.findings.filter((f) => f.ruleId === 'D9.FORCED_FOLLOW')).toMatchObject([{ points: 5 }]);
  });

  it('G12 一单位多号: −2 per extra account and −2 同质化', async () => {
    const extras = await Promise.all(
      [`${DEMO_GOLDEN_ACCOUNTS.G12}#2`, `${DEMO_GOLDEN_ACCOUNTS.G12}#3`].map((k) => scoreOf(k)),
    );
    for (const s of extras)
      expect(s.findings.filter((f) => f.ruleId === 'D8.EXTRA_ACCOUNT')).toMatchObject([{ points: 2 }]);
    const copy = extras[0];
    expect(copy?.findings.some((f) => f.ruleId === 'D8.DUPLICATE_CONTENT')).toBe(true);
    const main = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G12);
    expect(main.findings.some((f) => f.ruleId === 'D8.EXTRA_ACCOUNT')).toBe(false);
  });
});

describe('re-scoring', () => {
  it('is deterministic and a past date can be re-scored with another edition without touching the old result', async () => {
    const first = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G7);
    const lenient = cloneEdition(NATIONAL_2019, {
      code: 'lenient-20',
      name: '20 天',
      veto: { V2: { windowDays: 20 } },
    });
    await upsertEdition(t.db, { code: lenient.code, name: lenient.name, catalogue: lenient });
    const same = await createInspection({
      access: null,
      input: {
        name: 'again',
        monitoringAt: NOW,
        scopeAgencyId: rootAgencyId,
        scope: 'TREE',
        editionCode: 'national-2019',
      },
      db: t.db,
    });
    const other = await createInspection({
      access: null,
      input: {
        name: 'lenient',
        monitoringAt: NOW,
        scopeAgencyId: rootAgencyId,
        scope: 'TREE',
        editionCode: 'lenient-20',
      },
      db: t.db,
    });
    await runInspection({ db: t.db, inspectionId: same.id, now: NOW });
    await runInspection({ db: t.db, inspectionId: other.id, now: NOW });
    const again = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G7, same.id);
    expect(again.score.inputHash).toBe(first.score.inputHash);
    expect(again.score.result).toBe(first.score.result);
    const lenientScore = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G7, other.id);
    expect(lenientScore.score.result).not.toBe('FAIL_VETO');
    const original = await scoreOf(DEMO_GOLDEN_ACCOUNTS.G7);
    expect(original.score.result).toBe('FAIL_VETO');
  });

  it('a sampled inspection scores the stored ratio of accounts', async () => {
    const sample = await createInspection({
      access: null,
      input: {
        name: 'sample',
        monitoringAt: NOW,
        scopeAgencyId: rootAgencyId,
        scope: 'SAMPLE',
        sampleRatio: 0.25,
        editionCode: 'national-2019',
      },
      db: t.db,
    });
    const run = await runInspection({ db: t.db, inspectionId: sample.id, now: NOW });
    expect(run.accounts).toBe(Math.ceil(province.accounts.filter((a) => a.closedDaysAgo === null).length * 0.25));
  });
});
