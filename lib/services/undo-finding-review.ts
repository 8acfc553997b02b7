import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { findLatestAudits } from '@/lib/data/audit-log';
import { listFindingScopes, listInspectionsSharingFindings, restoreFindingReview } from '@/lib/data/findings';
import { deleteOpenRectifications } from '@/lib/data/rectifications';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { AppError } from '@/lib/errors';
import { undoFindingReviewInputSchema } from '@/lib/schemas/finding';
import { recordAudit } from './record-audit';
import { rescoreAccounts } from './rescore-accounts';
import { UNDO_WINDOW_MS } from './review-findings';

const REVIEW_ACTIONS = ['finding.confirm', 'finding.dismiss'];
type Prior = {
  status?: string;
  reason?: string | null;
  reviewerId?: string | null;
  reviewedAt?: string | null;
  /** Absent in audits written before the basis was recorded. */
  basis?: 'SUSPECTED' | 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED' | null;
};

/**
 * Takes back the caller's own review of these findings within UNDO_WINDOW_MS: each finding returns to the state
 * its review audit recorded (status, reason, reviewer, time, basis), the rectification a confirmation opened is removed,
 * the undo is audited and the accounts are re-scored. A finding reviewed again since, by anyone, is a conflict.
 */
export async function undoFindingReview({
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
  const { ids } = undoFindingReviewInputSchema.parse(input);
  const findings = await listFindingScopes(db, ids);
  if (findings.length !== new Set(ids).size) throw new AppError('NOT_FOUND', 'findingsMissing');
  if (findings.some((f) => !canAccessAgency(access, REVIEW_ROLES, f.account.agency)))
    throw new AppError('FORBIDDEN', 'findingsOutOfScope');
  const audits = await findLatestAudits(db, 'finding', ids, REVIEW_ACTIONS);
  const plans = findings.map((f) => {
    const audit = audits.get(f.id);
    const prior = (audit?.before ?? {}) as Prior;
    const isOwnRecent =
      audit?.actorId === access.userId &&
      f.reviewedById === access.userId &&
      f.reviewedAt !== null &&
      now.getTime() - f.reviewedAt.getTime() <= UNDO_WINDOW_MS &&
      (f.status === 'CONFIRMED' || f.status === 'DISMISSED') &&
      (prior.status === 'SUSPECTED' || prior.status === 'DISMISSED');
    if (!isOwnRecent || !f.reviewedAt) throw new AppError('CONFLICT', 'findingUndoExpired');
    return {
      finding: f,
      expected: { status: f.status as 'CONFIRMED' | 'DISMISSED', reviewerId: access.userId, at: f.reviewedAt },
      previous: {
        status: prior.status as 'SUSPECTED' | 'DISMISSED',
        reason: prior.reason ?? null,
        reviewerId: prior.reviewerId ?? null,
        at: prior.reviewedAt ? new Date(prior.reviewedAt) : null,
        basis: prior.basis ?? null,
      },
    };
  });
  const restored = await db.$transaction(async (tx) => {
    let count = 0;
    for (const p of plans) {
      const changed = await restoreFindingReview(tx, p.finding.id, p.expected, p.previous);
      if (changed !== 1) throw new AppError('CONFLICT', 'findingReviewedMeanwhile');
      count += changed;
      await recordAudit(tx, {
        actorId: access.userId,
        action: 'finding.undo',
        entityType: 'finding',
        entityId: p.finding.id,
        before: { status: p.expected.status },
        after: { status: p.previous.status, reason: p.previous.reason },
      });
    }
    await deleteOpenRectifications(
      tx,
      plans.filter((p) => p.expected.status === 'CONFIRMED').map((p) => p.finding.id),
    );
    return count;
  });
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
  return { restored, rescored };
}
