import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { listFindingEditionCatalogues } from '@/lib/data/editions';
import { listFindingScopes, listInspectionsSharingFindings, setFindingReview } from '@/lib/data/findings';
import { createRectifications } from '@/lib/data/rectifications';
import { addWorkdays, NATIONAL_2019, safeReadEdition } from '@/lib/scoring';
import { AppError } from '@/lib/errors';
import { reviewFindingsInputSchema, type ReviewFindingsInput } from '@/lib/schemas/finding';
import type { FindingStatus } from '@/lib/schemas/enums';
import { recordAudit } from './record-audit';
import { rescoreAccounts } from './rescore-accounts';
import { loadWorkCalendar } from './scoring-context';
import { outOfScopeRefusal } from './scope-refusal';

type Decision = ReviewFindingsInput['decision'];

/**
 * Review is a state machine. A suspicion is confirmed or dismissed; a dismissal made in error may still be
 * confirmed. A confirmed finding has an open rectification and leaves the machine only through it (RECTIFIED);
 * a rectified finding is final. So nothing is confirmed twice (two rectifications) and no rectified finding is
 * dismissed and confirmed again.
 */
export const REVIEW_TRANSITIONS: Record<FindingStatus, readonly Decision[]> = {
  SUSPECTED: ['CONFIRMED', 'DISMISSED'],
  DISMISSED: ['CONFIRMED'],
  CONFIRMED: [],
  RECTIFIED: [],
};

export const canReview = (from: FindingStatus, to: Decision) => REVIEW_TRANSITIONS[from].includes(to);
const reviewableFrom = (to: Decision) =>
  (Object.keys(REVIEW_TRANSITIONS) as FindingStatus[]).filter((from) => canReview(from, to));

/** Working days to rectify each finding: the A3 deadline of the edition it was scored with. */
async function rectificationWorkdays(
  db: Parameters<typeof listFindingEditionCatalogues>[0],
  ids: string[],
): Promise<Map<string, number>> {
  const rows = await listFindingEditionCatalogues(db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      safeReadEdition(r.edition.catalogue).data?.annual.A3.deadlineWorkdays ?? NATIONAL_2019.annual.A3.deadlineWorkdays,
    ]),
  );
}

/** Confirms or dismisses findings in the reviewer's scope, audits each change and re-scores the affected accounts. */
export async function reviewFindings({
  access,
  input,
  now,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now: Date;
  db?: PrismaClient;
}) {
  const data = reviewFindingsInputSchema.parse(input);
  const findings = await listFindingScopes(db, data.ids);
  if (findings.length !== new Set(data.ids).size) throw new AppError('NOT_FOUND', 'findingsMissing');
  const outOfScope = findings.filter((f) => !canAccessAgency(access, REVIEW_ROLES, f.account.agency));
  if (outOfScope.length > 0) {
    throw outOfScopeRefusal(
      access,
      outOfScope.map((f) => f.account.agency),
      new AppError('NOT_FOUND', 'findingsMissing'),
      new AppError('FORBIDDEN', 'findingsOutOfScope'),
    );
  }
  const stuck = findings.find((f) => !canReview(f.status, data.decision));
  if (stuck) throw new AppError('CONFLICT', 'findingTransition', { params: { from: stuck.status, to: data.decision } });
  // What the machine said when the decision is made: an unreviewed finding's status is the machine's; a finding
  // reviewed before keeps the basis of that review. Scoring reads it so that a dismissed suspicion does not hide a
  // later confirmation of the same fingerprint (docs/scoring.md "Reviews").
  const basisOf = (f: (typeof findings)[number]) => (f.reviewedAt === null ? f.status : f.reviewBasis);
  const byBasis = new Map<FindingStatus | null, string[]>();
  for (const f of findings) byBasis.set(basisOf(f), [...(byBasis.get(basisOf(f)) ?? []), f.id]);
  const updated = await db.$transaction(async (tx) => {
    // Conditional on the status just checked: a concurrent review of the same finding makes this one a conflict.
    let count = 0;
    for (const [basis, ids] of byBasis)
      count += await setFindingReview(
        tx,
        ids,
        { status: data.decision, reason: data.reason || null, reviewerId: access.userId, at: now, basis },
        reviewableFrom(data.decision),
      );
    if (count !== findings.length) throw new AppError('CONFLICT', 'findingReviewedMeanwhile');
    for (const f of findings) {
      await recordAudit(tx, {
        actorId: access.userId,
        action: `finding.${data.decision === 'CONFIRMED' ? 'confirm' : 'dismiss'}`,
        entityType: 'finding',
        entityId: f.id,
        // The whole prior review state: undoFindingReview restores it from here.
        before: {
          status: f.status,
          reason: f.reviewReason,
          reviewerId: f.reviewedById,
          reviewedAt: f.reviewedAt,
          basis: f.reviewBasis,
        },
        after: { status: data.decision, reason: data.reason, reviewedAt: now, basis: basisOf(f) },
      });
    }
    if (data.decision === 'CONFIRMED') {
      const calendar = await loadWorkCalendar(tx);
      const workdays = await rectificationWorkdays(
        tx,
        findings.map((f) => f.id),
      );
      await createRectifications(
        tx,
        findings.map((f) => ({
          findingId: f.id,
          agencyId: f.account.agency.id,
          deadline: addWorkdays(now, workdays.get(f.id) ?? NATIONAL_2019.annual.A3.deadlineWorkdays, calendar),
          createdById: access.userId,
        })),
      );
    }
    return count;
  });
  // A decision is about the evidence, not one inspection: every finished inspection that found the same item on the
  // same account is re-scored with it, so the account's latest score reflects the review.
  const sharing = await listInspectionsSharingFindings(db, findings);
  const targets = [
    ...new Map(
      [...findings, ...sharing].map((f) => [
        `${f.inspectionId}:${f.accountId}`,
        { inspectionId: f.inspectionId, accountId: f.accountId },
      ]),
    ).values(),
  ];
  const rescored = await rescoreAccounts({ db, targets, now });
  return {
    updated,
    rescored,
    undo: { ids: findings.map((f) => f.id), until: new Date(now.getTime() + UNDO_WINDOW_MS).toISOString() },
  };
}

/** How long a reviewer may take back a review (the queue offers it for 10 s; the server allows for a slow network). */
export const UNDO_WINDOW_MS = 30_000;
