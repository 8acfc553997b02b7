import { canAccessAgency, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db, PrismaClient } from '@/lib/db/types';
import { findNoticeInspection, listInspectionScopes, setNoticePublishedAt } from '@/lib/data/annual-assessment';
import { AppError, notFound } from '@/lib/errors';
import type { Role } from '@/lib/schemas/enums';
import { markNoticeIssuedInputSchema } from '@/lib/schemas/annual-assessment';
import { beijingToday, parseBeijingDay, shanghaiDay } from '@/lib/time';
import { recordAudit } from './record-audit';

/** Who issues notices: the supervisors and auditors of the inspected tree (administrators run the system, not notices). */
export const NOTICE_ROLES: readonly Role[] = ['SUPERVISOR', 'AUDITOR'];

/**
 * Records that the notice (通报) of a finished inspection was issued (印发) on a Beijing day — the fact A2 of the annual
 * assessment reads. The caller must hold a notice role over the inspection's whole scope; the day lies between the
 * monitoring day and today. Re-marking corrects the day; both values are audited.
 */
export async function markNoticeIssued({
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
  const data = markNoticeIssuedInputSchema.parse(input);
  const inspection = await findNoticeInspection(db, data.inspectionId);
  if (!inspection || !canAccessAgency(access, NOTICE_ROLES, inspection.scopeAgency)) throw notFound('inspection');
  if (inspection.status !== 'DONE') throw new AppError('CONFLICT', 'noticeInspectionNotDone', { field: 'issuedOn' });
  const day = parseBeijingDay(data.issuedOn);
  const today = beijingToday(now);
  const monitoringDay = shanghaiDay(inspection.monitoringAt);
  if (!day || day.day < monitoringDay || day.day > today)
    throw new AppError('VALIDATION', 'noticeIssuedOnRange', {
      params: { from: monitoringDay, today },
      field: 'issuedOn',
    });
  // Stored as the day's first instant: A2 counts the notice as issued from that Beijing day on.
  const at = day.start;
  await db.$transaction(async (tx) => {
    await setNoticePublishedAt(tx, inspection.id, at);
    await recordAudit(tx, {
      actorId: access.userId,
      action: 'inspection.notice-issued',
      entityType: 'inspection',
      entityId: inspection.id,
      before: { noticePublishedAt: inspection.noticePublishedAt?.toISOString() ?? null },
      after: { noticePublishedAt: at.toISOString(), issuedOn: day.day },
    });
  });
  return { id: inspection.id, noticePublishedAt: at.toISOString() };
}

/** Of these inspections, the finished ones whose notice the caller may mark as issued (the page offers the action). */
export async function listMarkableNoticeInspections({
  access,
  inspectionIds,
  db = getDb(),
}: {
  access: Access;
  inspectionIds: string[];
  db?: Db;
}): Promise<string[]> {
  const rows = await listInspectionScopes(db, [...new Set(inspectionIds)]);
  return rows.filter((r) => canAccessAgency(access, NOTICE_ROLES, r.scopeAgency)).map((r) => r.id);
}
