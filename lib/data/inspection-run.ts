import type { Db } from '@/lib/db/types';
import { inChunks } from './chunks';
import { Prisma } from '@/lib/db/generated/client';

export async function findInspectionForRun(db: Db, id: string) {
  return db.inspection.findUnique({
    where: { id },
    select: {
      id: true,
      monitoringAt: true,
      scope: true,
      sampleRatio: true,
      sampleSeed: true,
      status: true,
      scopeAgencyId: true,
      edition: { select: { id: true, code: true, catalogue: true } },
    },
  });
}

/** Accounts registered in the subtree and open at `at` (closed later still count), ordered by id. */
export async function listInspectableAccountIds(db: Db, scopeAgencyId: string, at: Date): Promise<string[]> {
  const rows = await db.account.findMany({
    where: {
      agency: { OR: [{ id: scopeAgencyId }, { ancestorIds: { has: scopeAgencyId } }] },
      AND: [
        { OR: [{ openedAt: null }, { openedAt: { lte: at } }] },
        { OR: [{ closedAt: null }, { closedAt: { gt: at } }] },
      ],
    },
    orderBy: { id: 'asc' },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function setInspectionStatus(
  db: Db,
  id: string,
  status: 'RUNNING' | 'DONE' | 'FAILED',
  at: Date,
  errorMessage: string | null = null,
) {
  await db.inspection.update({
    where: { id },
    // A (re)started run counts its scope again: progress starts from nothing.
    data: {
      status,
      errorMessage,
      ...(status === 'RUNNING' ? { progressDone: 0, progressTotal: null } : { finishedAt: at }),
    },
  });
}

/** Accounts scored so far of the run's total, written after each batch (the inspections page polls it). */
export async function setInspectionProgress(db: Db, id: string, done: number, total: number) {
  await db.inspection.update({
    where: { id },
    data: { progressDone: done, progressTotal: total },
    select: { id: true },
  });
}

export type ScoreRow = {
  result: 'PASS' | 'FAIL_SCORE' | 'FAIL_VETO' | 'AT_RISK' | 'INSUFFICIENT_DATA';
  total: number;
  bonus: number;
  breakdown: Prisma.InputJsonValue;
  vetoCodes: string[];
  pendingVetoCodes: string[];
  coverage: Prisma.InputJsonValue;
  inputHash: string;
};

export type FindingRow = Omit<
  Prisma.FindingCreateManyInput,
  'inspectionId' | 'accountId' | 'scoreId' | 'editionId' | 'id' | 'createdAt'
>;

/** One account's score and findings, as replaceAccountScores stores them. */
export type AccountScoreRows = { accountId: string; score: ScoreRow; findings: FindingRow[] };

/**
 * A UUIDv7 made by PostgreSQL (15 has no uuidv7()): a random v4 whose first 48 bits are replaced by the Unix
 * milliseconds and whose version nibble is set to 7 — the shape Prisma's `@default(uuid(7))` writes.
 */
const UUID7 = Prisma.raw(
  `encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid()) placing substring(int8send(floor(extract(epoch from clock_timestamp()) * 1000)::bigint) from 3) from 1 for 6), 52, 1), 53, 1), 'hex')::uuid`,
);

/** The finding columns a score writes, as jsonb_to_recordset reads them (insert and update alike). */
const FINDING_RECORD = Prisma.raw(`x(id uuid, account_id uuid, score_id uuid, indicator_code text, rule_id text,
  status "FindingStatus", points double precision, is_veto boolean, fingerprint text, source_type "EvidenceSource",
  post_id uuid, comment_id uuid, snapshot_id uuid, app_release_id uuid, store_listing_id uuid, link_check_id uuid,
  source_url text, source_platform_id text, source_published_at timestamptz, span_start integer, span_end integer,
  matched_text text, lexicon_entry text, details jsonb, reviewed_by_id text, reviewed_at timestamptz,
  review_reason text, review_basis "FindingStatus")`);

const json = (v: unknown) => JSON.stringify(v);
const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());

function findingRecord(f: FindingRow, accountId: string, scoreId: string | undefined, id: string | null) {
  return {
    id,
    account_id: accountId,
    score_id: scoreId ?? null,
    indicator_code: f.indicatorCode,
    rule_id: f.ruleId,
    status: f.status,
    points: f.points,
    is_veto: f.isVeto ?? false,
    fingerprint: f.fingerprint,
    source_type: f.sourceType,
    post_id: f.postId ?? null,
    comment_id: f.commentId ?? null,
    snapshot_id: f.snapshotId ?? null,
    app_release_id: f.appReleaseId ?? null,
    store_listing_id: f.storeListingId ?? null,
    link_check_id: f.linkCheckId ?? null,
    source_url: f.sourceUrl ?? null,
    source_platform_id: f.sourcePlatformId ?? null,
    source_published_at: iso(f.sourcePublishedAt),
    span_start: f.spanStart ?? null,
    span_end: f.spanEnd ?? null,
    matched_text: f.matchedText ?? null,
    lexicon_entry: f.lexiconEntry ?? null,
    details: f.details ?? {},
    reviewed_by_id: f.reviewedById ?? null,
    reviewed_at: iso(f.reviewedAt),
    review_reason: f.reviewReason ?? null,
    review_basis: f.reviewBasis ?? null,
  };
}

/**
 * Stores the scores of a batch of accounts in an inspection (run it inside a transaction). Findings are matched
 * by fingerprint, so re-scoring after a review keeps their ids and the rectifications attached to them; findings
 * that disappeared are removed. Five statements per batch whatever its size (the rows travel as one jsonb
 * parameter): upsert the scores, read the batch's findings, delete the stale, update the kept, insert the new.
 */
export async function replaceAccountScores(
  db: Db,
  ids: { inspectionId: string; editionId: string },
  rows: AccountScoreRows[],
  computedAt: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const scores = rows.map((r) => ({
    account_id: r.accountId,
    result: r.score.result,
    total: r.score.total,
    bonus: r.score.bonus,
    breakdown: r.score.breakdown,
    veto_codes: r.score.vetoCodes,
    pending_veto_codes: r.score.pendingVetoCodes,
    coverage: r.score.coverage,
    input_hash: r.score.inputHash,
  }));
  const saved = await db.$queryRaw<Array<{ id: string; accountId: string }>>`
    INSERT INTO score (id, inspection_id, account_id, edition_id, result, total, bonus, breakdown, veto_codes,
      pending_veto_codes, coverage, input_hash, computed_at)
    SELECT ${UUID7}, ${ids.inspectionId}::uuid, x.account_id, ${ids.editionId}::uuid, x.result, x.total, x.bonus,
      x.breakdown, x.veto_codes, x.pending_veto_codes, x.coverage, x.input_hash, ${computedAt.toISOString()}::timestamptz
    FROM jsonb_to_recordset(${json(scores)}::jsonb) AS x(account_id uuid, result "ScoreResult", total double precision,
      bonus double precision, breakdown jsonb, veto_codes text[], pending_veto_codes text[], coverage jsonb,
      input_hash text)
    ON CONFLICT (inspection_id, account_id) DO UPDATE SET edition_id = EXCLUDED.edition_id, result = EXCLUDED.result,
      total = EXCLUDED.total, bonus = EXCLUDED.bonus, breakdown = EXCLUDED.breakdown, veto_codes = EXCLUDED.veto_codes,
      pending_veto_codes = EXCLUDED.pending_veto_codes, coverage = EXCLUDED.coverage, input_hash = EXCLUDED.input_hash,
      computed_at = EXCLUDED.computed_at
    RETURNING id::text AS "id", account_id::text AS "accountId"`;
  const scoreIdOf = new Map(saved.map((s) => [s.accountId, s.id]));

  const accountIds = rows.map((r) => r.accountId);
  const existing = await db.finding.findMany({
    where: { inspectionId: ids.inspectionId, accountId: { in: accountIds } },
    select: { id: true, accountId: true, fingerprint: true },
  });
  const key = (accountId: string, fingerprint: string) => `${accountId} ${fingerprint}`;
  const incoming = new Map<string, { accountId: string; finding: FindingRow }>();
  for (const r of rows)
    for (const f of r.findings) incoming.set(key(r.accountId, f.fingerprint), { accountId: r.accountId, finding: f });
  const known = new Set(existing.map((e) => key(e.accountId, e.fingerprint)));
  const stale = existing.filter((e) => !incoming.has(key(e.accountId, e.fingerprint))).map((e) => e.id);
  if (stale.length) await db.finding.deleteMany({ where: { id: { in: stale } } });

  const kept = existing.flatMap((e) => {
    const next = incoming.get(key(e.accountId, e.fingerprint));
    return next ? [findingRecord(next.finding, next.accountId, scoreIdOf.get(next.accountId), e.id)] : [];
  });
  if (kept.length)
    await db.$executeRaw`
      UPDATE finding f SET score_id = x.score_id, edition_id = ${ids.editionId}::uuid, indicator_code = x.indicator_code,
        rule_id = x.rule_id, status = x.status, points = x.points, is_veto = x.is_veto, fingerprint = x.fingerprint,
        source_type = x.source_type, post_id = x.post_id, comment_id = x.comment_id, snapshot_id = x.snapshot_id,
        app_release_id = x.app_release_id, store_listing_id = x.store_listing_id, link_check_id = x.link_check_id,
        source_url = x.source_url, source_platform_id = x.source_platform_id,
        source_published_at = x.source_published_at, span_start = x.span_start, span_end = x.span_end,
        matched_text = x.matched_text, lexicon_entry = x.lexicon_entry, details = x.details,
        reviewed_by_id = x.reviewed_by_id, reviewed_at = x.reviewed_at, review_reason = x.review_reason,
        review_basis = x.review_basis
      FROM jsonb_to_recordset(${json(kept)}::jsonb) AS ${FINDING_RECORD}
      WHERE f.id = x.id`;

  // A fingerprint twice in one account's findings is stored once, the first (as createMany's skipDuplicates did).
  const added = rows.flatMap((r) =>
    r.findings
      .filter((f) => !known.has(key(r.accountId, f.fingerprint)))
      .map((f) => findingRecord(f, r.accountId, scoreIdOf.get(r.accountId), null)),
  );
  if (added.length)
    await db.$executeRaw`
      INSERT INTO finding (id, inspection_id, account_id, score_id, edition_id, indicator_code, rule_id, status, points,
        is_veto, fingerprint, source_type, post_id, comment_id, snapshot_id, app_release_id, store_listing_id,
        link_check_id, source_url, source_platform_id, source_published_at, span_start, span_end, matched_text,
        lexicon_entry, details, reviewed_by_id, reviewed_at, review_reason, review_basis)
      SELECT ${UUID7}, ${ids.inspectionId}::uuid, x.account_id, x.score_id, ${ids.editionId}::uuid, x.indicator_code,
        x.rule_id, x.status, x.points, x.is_veto, x.fingerprint, x.source_type, x.post_id, x.comment_id, x.snapshot_id,
        x.app_release_id, x.store_listing_id, x.link_check_id, x.source_url, x.source_platform_id,
        x.source_published_at, x.span_start, x.span_end, x.matched_text, x.lexicon_entry, x.details, x.reviewed_by_id,
        x.reviewed_at, x.review_reason, x.review_basis
      FROM jsonb_to_recordset(${json(added)}::jsonb) AS ${FINDING_RECORD}
      ON CONFLICT DO NOTHING`;
}

/**
 * Review decisions already taken on findings of these accounts, latest first wins: they carry over by fingerprint,
 * each with the machine status it was made on (`reviewBasis`, null before it was recorded).
 */
export async function listReviewDecisions(db: Db, accountIds: string[]) {
  const rows = await inChunks(accountIds, (ids) =>
    db.finding.findMany({
      where: { accountId: { in: ids }, reviewedAt: { not: null } },
      orderBy: { reviewedAt: 'asc' },
      select: {
        fingerprint: true,
        status: true,
        reviewReason: true,
        reviewedById: true,
        reviewedAt: true,
        reviewBasis: true,
      },
    }),
  );
  rows.sort((a, b) => (a.reviewedAt?.getTime() ?? 0) - (b.reviewedAt?.getTime() ?? 0));
  return new Map(rows.map((r) => [r.fingerprint, r]));
}

/** Inspections registered from the dashboard that no worker has picked up yet. */
export async function listPendingInspectionIds(db: Db, limit = 50): Promise<string[]> {
  const rows = await db.inspection.findMany({
    where: { status: 'PENDING' },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}
