// The read models over `score` (`latest_score`, `quarter_score`: migration latest_score_read_model;
// `inspection_tally`: migration inspection_tally) are kept by triggers. Each step below writes scores or inspections the way some part of the product does (an inspection run,
// re-scoring, a status change, a delete, two re-scorings at once) and then compares both tables with the definition
// computed from `score` itself (docs/figures.md "Latest score").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { rescoreAccounts } from '@/lib/services/rescore-accounts';
import { runInspection } from '@/lib/services/run-inspection';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';
import { ingestWeiboPosts, postsDaysAgo } from '../../helpers/ingest';

const DAY = 86_400_000;
// 00:30 Beijing on 1 October: a fourth-quarter inspection although its UTC date is still 30 September.
const Q4_FIRST_HOUR = new Date('2026-09-30T16:30:00Z');
const Q3 = new Date('2026-09-10T04:00:00Z');
const EARLY = new Date('2026-10-10T04:00:00Z');
const LATE = new Date('2026-11-20T04:00:00Z');
let t: TestDatabase;
let rootId: string;
const accountIds: string[] = [];
const inspections: Record<string, string> = {};

type Row = { account_id: string; score_id: string; result: string; total: number; veto_codes: string[] };
type QuarterRow = { account_id: string; quarter: string; score_id: string; result: string };

const fromScores = () =>
  t.db.$queryRaw<Row[]>`
    SELECT DISTINCT ON (s.account_id) s.account_id, s.id AS score_id, s.result::text AS result, s.total, s.veto_codes
    FROM score s JOIN inspection i ON i.id = s.inspection_id AND i.status = 'DONE'
    ORDER BY s.account_id, i.monitoring_at DESC, s.computed_at DESC`;
const fromReadModel = () =>
  t.db.$queryRaw<Row[]>`
    SELECT account_id, score_id, result::text AS result, total, veto_codes FROM latest_score ORDER BY account_id`;
const quartersFromScores = () =>
  t.db.$queryRaw<QuarterRow[]>`
    SELECT DISTINCT ON (s.account_id, quarter) s.account_id,
           to_char(i.monitoring_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-"Q"Q') AS quarter, s.id AS score_id, s.result::text AS result
    FROM score s JOIN inspection i ON i.id = s.inspection_id AND i.status = 'DONE'
    ORDER BY s.account_id, quarter, i.monitoring_at DESC, s.computed_at DESC`;
const quartersFromReadModel = () =>
  t.db.$queryRaw<QuarterRow[]>`
    SELECT account_id, quarter, score_id, result::text AS result FROM quarter_score ORDER BY account_id, quarter`;

type TallyRow = { inspection_id: string; result: string; awaiting_read: boolean; n: number };
const tallyFromScores = () =>
  t.db.$queryRaw<TallyRow[]>`
    SELECT inspection_id, result::text AS result, xunjian_score_awaits_read(pending_veto_codes, breakdown) AS awaiting_read,
           count(*)::int AS n
    FROM score GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
const tallyFromReadModel = () =>
  t.db.$queryRaw<TallyRow[]>`
    SELECT inspection_id, result::text AS result, awaiting_read, n FROM inspection_tally ORDER BY 1, 2, 3`;

async function expectReadModelsAgree() {
  const [expected, actual, expectedQ, actualQ, expectedT, actualT] = await Promise.all([
    fromScores(),
    fromReadModel(),
    quartersFromScores(),
    quartersFromReadModel(),
    tallyFromScores(),
    tallyFromReadModel(),
  ]);
  expect(actual).toEqual(expected);
  expect(actualQ).toEqual(expectedQ);
  expect(actualT).toEqual(expectedT);
  return actual;
}

const ingest = (accountId: string, at: Date, daysAgo: number[]) =>
  ingestWeiboPosts(t.db, { accountId, at, posts: postsDaysAgo(at, daysAgo) });

async function inspect(name: string, at: Date) {
  const { id } = await createInspection({
    access: null,
    input: { name, monitoringAt: at, scopeAgencyId: rootId, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  await runInspection({ db: t.db, inspectionId: id, now: at });
  inspections[name] = id;
  return id;
}

const scoreOf = (accountId: string, inspectionId: string) =>
  t.db.score.findUniqueOrThrow({ where: { inspectionId_accountId: { inspectionId, accountId } } });

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  rootId = (await createTestAgency(t.db, { name: '省' })).id;
  const county = (await createTestAgency(t.db, { name: '县', parentId: rootId, level: 'COUNTY' })).id;
  for (const name of ['甲', '乙', '丙'])
    accountIds.push((await createTestAccount(t.db, county, { displayName: name })).id);
  for (const at of [Q3, Q4_FIRST_HOUR, EARLY, LATE])
    for (const [i, id] of accountIds.entries()) await ingest(id, at, i === 1 ? [20] : [1, 3, 5, 8, 12]);
});
afterAll(async () => t?.drop());

describe('latest score read models', () => {
  it('are empty before any inspection finished and follow each finished inspection', async () => {
    expect(await fromReadModel()).toEqual([]);
    await inspect('九月', Q3);
    expect((await expectReadModelsAgree()).map((r) => r.account_id).sort()).toEqual([...accountIds].sort());
    await inspect('十月一日', Q4_FIRST_HOUR);
    await inspect('十月', EARLY);
    await inspect('十一月', LATE);
    const latest = await expectReadModelsAgree();
    const late = await t.db.score.findMany({ where: { inspectionId: inspections['十一月'] }, select: { id: true } });
    expect(latest.map((r) => r.score_id).sort()).toEqual(late.map((s) => s.id).sort());
  });

  it('file an inspection at 00:30 Beijing on 1 October under the fourth quarter', async () => {
    const rows = await t.db.$queryRaw<Array<{ quarter: string; n: number }>>`
      SELECT quarter, count(*)::int AS n FROM quarter_score GROUP BY quarter ORDER BY quarter`;
    expect(rows).toEqual([
      { quarter: '2026-Q3', n: 3 },
      { quarter: '2026-Q4', n: 3 },
    ]);
    // Q4's latest is November's; October's first hour only counts while nothing later in the quarter is done.
    await expectReadModelsAgree();
  });

  it('keep the latest monitoring date when an older inspection is re-scored later', async () => {
    await rescoreAccounts({
      db: t.db,
      targets: accountIds.map((accountId) => ({ inspectionId: inspections['十月']!, accountId })),
      now: new Date(LATE.getTime() + DAY),
    });
    const latest = await expectReadModelsAgree();
    expect(new Set(latest.map((r) => r.score_id))).toEqual(
      new Set(
        (await t.db.score.findMany({ where: { inspectionId: inspections['十一月'] }, select: { id: true } })).map(
          (s) => s.id,
        ),
      ),
    );
  });

  it('follow a score changed in place and an inspection leaving and re-entering DONE', async () => {
    const target = await scoreOf(accountIds[0]!, inspections['十一月']!);
    await t.db.score.update({ where: { id: target.id }, data: { total: 42, result: 'FAIL_SCORE' } });
    expect((await expectReadModelsAgree()).find((r) => r.account_id === accountIds[0])).toMatchObject({
      total: 42,
      result: 'FAIL_SCORE',
    });
    await t.db.inspection.update({ where: { id: inspections['十一月']! }, data: { status: 'RUNNING' } });
    const fallback = await expectReadModelsAgree();
    expect(fallback.map((r) => r.score_id)).not.toContain(target.id);
    await t.db.inspection.update({ where: { id: inspections['十一月']! }, data: { status: 'DONE' } });
    expect((await expectReadModelsAgree()).map((r) => r.score_id)).toContain(target.id);
  });

  it('count a score as awaiting a read while it carries a suspected V2, and no longer once it does not', async () => {
    const target = await scoreOf(accountIds[1]!, inspections['十一月']!);
    await t.db.score.update({ where: { id: target.id }, data: { pendingVetoCodes: ['V2'] } });
    const tally = await tallyFromReadModel();
    expect(tally.some((r) => r.inspection_id === inspections['十一月'] && r.awaiting_read)).toBe(true);
    await expectReadModelsAgree();
    await t.db.score.update({ where: { id: target.id }, data: { pendingVetoCodes: [] } });
    await expectReadModelsAgree();
  });

  it('fall back when the latest inspection is deleted, and drop a deleted account', async () => {
    await t.db.inspection.delete({ where: { id: inspections['十一月']! } });
    const latest = await expectReadModelsAgree();
    expect(latest).toHaveLength(3);
    expect((await tallyFromReadModel()).map((r) => r.inspection_id)).not.toContain(inspections['十一月']);
    await t.db.account.delete({ where: { id: accountIds[2]! } });
    expect((await expectReadModelsAgree()).map((r) => r.account_id)).not.toContain(accountIds[2]);
  });

  it('end equal to the scores when two transactions re-score the same account at once', async () => {
    const account = accountIds[0]!;
    const [older, newer] = [
      await scoreOf(account, inspections['十月一日']!),
      await scoreOf(account, inspections['十月']!),
    ];
    // Each transaction changes one of the account's scores and then waits, so both refreshes overlap.
    const rescore = (id: string, total: number, sleepSeconds: number) =>
      t.db.$transaction(
        async (tx) => {
          await tx.score.update({ where: { id }, data: { total, computedAt: new Date() } });
          await tx.$executeRaw`SELECT pg_sleep(${sleepSeconds})`;
        },
        { timeout: 20_000 },
      );
    await Promise.all([rescore(newer.id, 77, 0.5), rescore(older.id, 11, 0.1)]);
    const latest = await expectReadModelsAgree();
    expect(latest.find((r) => r.account_id === account)).toMatchObject({ score_id: newer.id, total: 77 });
  });

  it('are emptied with the scores by a TRUNCATE, which fires no delete trigger', async () => {
    await t.db.$executeRawUnsafe('TRUNCATE score CASCADE');
    expect(await fromReadModel()).toEqual([]);
    expect(await quartersFromReadModel()).toEqual([]);
    expect(await tallyFromReadModel()).toEqual([]);
  });
});
