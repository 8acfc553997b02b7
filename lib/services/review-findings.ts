import { canAccessAgency, REVIEW_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { listFindingScopes, listInspectionsSharingFindings, setFindingReview } from '@/lib/data/findings';
import { createRectifications } from '@/lib/data/rectifications';
import { addWorkdays, NATIONAL_2019 } from '@/lib/scoring';
import { AppError } from '@/lib/errors';
import { reviewFindingsInputSchema, type ReviewFindingsInput } from '@/lib/schemas/finding';
import { recordAudit } from './record-audit';
import { rescoreAccounts } from './rescore-accounts';
import { loadWorkCalendar } from './scoring-context';

/** Confirms or dismisses findings in the reviewer's scope, audits each change and re-scores the affected accounts. */
export async function reviewFindings({ access, input, now, db = getDb() }: { access: Access; input: ReviewFindingsInput; now: Date; db?: PrismaClient }) {
  const data = reviewFindingsInputSchema.parse(input);
  const findings = await listFindingScopes(db, data.ids);
  if (findings.length !== new Set(data.ids).size) throw new AppError('NOT_FOUND', 'Some findings do not exist');
  const outOfScope = findings.filter((f) => !canAccessAgency(access, REVIEW_ROLES, f.account.agency));
  if (outOfScope.length > 0) throw new AppError('FORBIDDEN', 'Some findings are outside your scope');
  const updated = await db.$transaction(async (tx) => {
    const count = await setFindingReview(tx, data.ids, { status: data.decision, reason: data.reason || null, reviewerId: access.userId, at: now });
    for (const f of findings) {
      await recordAudit(tx, {
        actorId: access.userId,
        action: `finding.${data.decision === 'CONFIRMED' ? 'confirm' : 'dismiss'}`,
        entityType: 'finding',
        entityId: f.id,
        before: { status: f.status },
        after: { status: data.decision, reason: data.reason },
      });
    }
    if (data.decision === 'CONFIRMED') {
      const deadline = addWorkdays(now, NATIONAL_2019.annual.A3.deadlineWorkdays, await loadWorkCalendar(tx));
      await createRectifications(tx, findings.map((f) => ({ findingId: f.id, agencyId: f.account.agency.id, deadline, createdById: access.userId })));
    }
    return count;
  });
  // A decision is about the evidence, not one inspection: every finished inspection that found the same item on the
  // same account is re-scored with it, so the account's latest score reflects the review.
  const sharing = await listInspectionsSharingFindings(db, findings);
  const targets = [...new Map([...findings, ...sharing].map((f) => [`${f.inspectionId}:${f.accountId}`, { inspectionId: f.inspectionId, accountId: f.accountId }])).values()];
  const rescored = await rescoreAccounts({ db, targets, now });
  return { updated, rescored };
}
