import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInspectionForRun, listInspectableAccountIds } from '@/lib/data/inspection-run';
import { loadRecentTexts } from '@/lib/data/scoring-inputs';
import { nearDuplicateShares, readEdition, type AccountScore } from '@/lib/scoring';
import { createInspection } from '@/lib/services/create-inspection';
import { runInspection } from '@/lib/services/run-inspection';
import { loadScoringContext } from '@/lib/services/scoring-context';
import { loadBatchHistories, scoreHistories } from '@/lib/services/score-account-batch';
import { seedDemoProvince } from '@/lib/services/seed-demo-province';
import { DAY_MS } from '@/lib/time';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';

// The inspection run is a pipeline (batch n+1 read while batch n is scored and batch n-1 written) with bulk writes
// (one jsonb parameter per statement). Its stored verdicts must be what scoring each account on its own gives, on
// the demo province (golden cases, vetoes, every evidence source), and a re-run must keep finding ids.
const NOW = new Date('2026-11-25T04:00:00Z');
let t: TestDatabase;
let rootAgencyId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoProvince({ db: t.db, now: NOW, ifEmpty: false });
  rootAgencyId = (await t.db.inspection.findFirstOrThrow({ where: { monitoringAt: NOW } })).scopeAgencyId;
}, 1_200_000);
afterAll(async () => t.drop());

async function newInspection(name: string) {
  const { id } = await createInspection({
    access: null,
    input: { name, monitoringAt: NOW, scopeAgencyId: rootAgencyId, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  return id;
}

/** Every account of the inspection scored alone (a batch of one), with the inputs runInspection computes. */
async function scoreEachAlone(inspectionId: string): Promise<Map<string, AccountScore>> {
  const inspection = await findInspectionForRun(t.db, inspectionId);
  if (!inspection) throw new Error('inspection missing');
  const edition = readEdition(inspection.edition.catalogue);
  const ids = await listInspectableAccountIds(t.db, inspection.scopeAgencyId, inspection.monitoringAt);
  const { ctx, contextFor, decisions } = await loadScoringContext(t.db, edition, inspection.monitoringAt, ids);
  const since = new Date(inspection.monitoringAt.getTime() - edition.veto.V2.windowDays * DAY_MS);
  const duplicateShares = nearDuplicateShares(
    await loadRecentTexts(t.db, ids, { asOf: inspection.monitoringAt, since }),
  );
  const args = {
    db: t.db,
    inspectionId,
    editionId: inspection.edition.id,
    edition,
    ctx,
    contextFor,
    decisions,
    duplicateShares,
    now: NOW,
  };
  const out = new Map<string, AccountScore>();
  for (const id of ids) {
    const [scored] = scoreHistories(args, await loadBatchHistories(args, [id]));
    if (scored) out.set(scored.accountId, scored.score);
  }
  return out;
}

async function stored(inspectionId: string) {
  const [scores, findings] = await Promise.all([
    t.db.score.findMany({ where: { inspectionId } }),
    t.db.finding.findMany({ where: { inspectionId }, orderBy: { fingerprint: 'asc' } }),
  ]);
  return { scores, findings };
}

describe('runInspection in pipelined batches with bulk writes', () => {
  let inspectionId: string;

  it('stores, for every account, the verdict and findings that scoring it alone gives', async () => {
    inspectionId = await newInspection('分批流水线检查');
    // 7 accounts a batch: about 20 batches, so reads, scoring and writes of different batches overlap.
    const run = await runInspection({ db: t.db, inspectionId, now: NOW, batchSize: 7 });
    const alone = await scoreEachAlone(inspectionId);
    const { scores, findings } = await stored(inspectionId);

    expect(run.accounts).toBe(alone.size);
    expect(scores).toHaveLength(alone.size);
    // The fixture must exercise the comparison: several results, vetoes and plenty of findings.
    expect(new Set(scores.map((s) => s.result)).size).toBeGreaterThanOrEqual(3);
    expect(findings.length).toBeGreaterThan(50);
    expect(findings.some((f) => f.isVeto)).toBe(true);

    for (const s of scores) {
      const expected = alone.get(s.accountId);
      expect(expected, s.accountId).toBeDefined();
      if (!expected) continue;
      expect({
        result: s.result,
        total: s.total,
        bonus: s.bonus,
        vetoCodes: s.vetoCodes,
        pendingVetoCodes: s.pendingVetoCodes,
        inputHash: s.inputHash,
        indicators: (s.breakdown as { indicators: unknown }).indicators,
      }).toEqual({
        result: expected.result,
        total: expected.total,
        bonus: expected.bonus,
        vetoCodes: expected.vetoCodes,
        pendingVetoCodes: expected.pendingVetoCodes,
        inputHash: expected.inputHash,
        indicators: JSON.parse(JSON.stringify(expected.breakdown)),
      });
      const mine = findings.filter((f) => f.accountId === s.accountId);
      expect(mine.every((f) => f.scoreId === s.id)).toBe(true);
      // A fingerprint found twice is stored once, the first.
      const want = expected.findings.filter((f, i, all) => all.findIndex((g) => g.fingerprint === f.fingerprint) === i);
      expect(
        mine.map((f) => ({
          fingerprint: f.fingerprint,
          ruleId: f.ruleId,
          status: f.status,
          points: f.points,
          isVeto: f.isVeto,
          sourceType: f.sourceType,
          sourceId: f.postId ?? f.commentId ?? f.snapshotId ?? f.appReleaseId ?? f.storeListingId ?? f.linkCheckId,
          sourceUrl: f.sourceUrl,
          sourcePublishedAt: f.sourcePublishedAt?.toISOString() ?? null,
          spanStart: f.spanStart,
          spanEnd: f.spanEnd,
          matchedText: f.matchedText,
        })),
      ).toEqual(
        want
          .sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0))
          .map((f) => ({
            fingerprint: f.fingerprint,
            ruleId: f.ruleId,
            status: f.status,
            points: f.points,
            isVeto: f.isVeto,
            sourceType: f.evidence.sourceType,
            sourceId: ['POST', 'COMMENT', 'SNAPSHOT', 'APP_RELEASE', 'STORE_LISTING', 'LINK_CHECK'].includes(
              f.evidence.sourceType,
            )
              ? f.evidence.sourceId
              : null,
            sourceUrl: f.evidence.url,
            sourcePublishedAt: f.evidence.publishedAt?.toISOString() ?? null,
            spanStart: f.evidence.spanStart,
            spanEnd: f.evidence.spanEnd,
            matchedText: f.evidence.matchedText,
          })),
      );
    }
    const done = await t.db.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
    expect([done.status, done.progressDone, done.progressTotal]).toEqual(['DONE', alone.size, alone.size]);
  }, 300_000);

  it('a re-run keeps score and finding ids, restores a changed finding and removes one that no longer fires', async () => {
    const before = await stored(inspectionId);
    const [tampered, other] = before.findings;
    if (!tampered || !other) throw new Error('fixture has no findings');
    await t.db.finding.update({ where: { id: tampered.id }, data: { points: 999, matchedText: '改过' } });
    const ghost = await t.db.finding.create({
      data: {
        inspectionId,
        accountId: other.accountId,
        scoreId: other.scoreId,
        editionId: other.editionId,
        indicatorCode: 'D3',
        ruleId: 'D3.GHOST',
        status: 'SUSPECTED',
        points: 1,
        fingerprint: 'ghost-fingerprint',
        sourceType: 'ACCOUNT',
      },
    });

    await runInspection({ db: t.db, inspectionId, now: NOW, batchSize: 11 });
    const after = await stored(inspectionId);
    expect(after.scores.map((s) => [s.accountId, s.id]).sort()).toEqual(
      before.scores.map((s) => [s.accountId, s.id]).sort(),
    );
    expect(after.findings.map((f) => f.id).sort()).toEqual(before.findings.map((f) => f.id).sort());
    expect(after.findings.some((f) => f.id === ghost.id)).toBe(false);
    const restored = after.findings.find((f) => f.id === tampered.id);
    expect([restored?.points, restored?.matchedText]).toEqual([tampered.points, tampered.matchedText]);
    const strip = (rows: typeof before.findings) =>
      rows.map(({ createdAt: _c, ...rest }) => rest).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(strip(after.findings)).toEqual(strip(before.findings));
  }, 300_000);
});
