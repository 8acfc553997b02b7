import type { Db } from '@/lib/db/types';
import type { Prisma } from '@/lib/db/generated/client';
import { excerptAround } from '@/lib/excerpt';
import type { FindingFilter, FindingListItem, FindingsPage } from '@/lib/schemas/finding';
import { agencyInSubtrees } from './overview';

export const FINDINGS_PAGE_SIZE = 25;

/** The post field a finding's span indexes into (text, title or the reposted text). */
export function postField(post: { text: string; title: string | null; repostOfText: string | null }, details: unknown): string {
  const field = details && typeof details === 'object' && 'field' in details ? details.field : 'text';
  if (field === 'title') return post.title ?? '';
  if (field === 'repostOfText') return post.repostOfText ?? '';
  return post.text;
}

function whereFor(roots: string[], filter: FindingFilter): Prisma.FindingWhereInput {
  const agencyScope = filter.agencyId ? { AND: [agencyInSubtrees(roots), agencyInSubtrees([filter.agencyId])] } : agencyInSubtrees(roots);
  return {
    account: { agency: agencyScope },
    ...(filter.status === 'ALL' ? {} : { status: filter.status }),
    ...(filter.indicator ? { indicatorCode: filter.indicator } : {}),
    ...(filter.inspectionId ? { inspectionId: filter.inspectionId } : {}),
    ...(filter.accountId ? { accountId: filter.accountId } : {}),
  };
}

export async function listFindingsPage(db: Db, roots: string[], filter: FindingFilter): Promise<FindingsPage> {
  const where = whereFor(roots, filter);
  const [rows, total] = await Promise.all([
    db.finding.findMany({
      where,
      orderBy: [{ isVeto: 'desc' }, { createdAt: 'desc' }, { id: 'asc' }],
      skip: (filter.page - 1) * FINDINGS_PAGE_SIZE,
      take: FINDINGS_PAGE_SIZE,
      select: {
        id: true, indicatorCode: true, ruleId: true, status: true, points: true, isVeto: true, accountId: true, inspectionId: true,
        sourceType: true, sourceUrl: true, sourcePublishedAt: true, spanStart: true, spanEnd: true, matchedText: true, reviewReason: true,
        account: { select: { displayName: true, platformCode: true, agency: { select: { name: true } } } },
        inspection: { select: { monitoringAt: true } },
        post: { select: { text: true, title: true, repostOfText: true } },
        details: true,
        comment: { select: { text: true } },
      },
    }),
    db.finding.count({ where }),
  ]);
  const items: FindingListItem[] = rows.map((r) => {
    // Findings without a span (a blocked link, a count) show what matched instead of the whole item.
    const source = r.spanStart === null && r.matchedText ? r.matchedText : (r.comment?.text ?? (r.post ? postField(r.post, r.details) : null));
    const ex = source === null ? { excerpt: null, spanStart: null, spanEnd: null } : excerptAround(source, r.spanStart, r.spanEnd);
    return {
      id: r.id, indicatorCode: r.indicatorCode, ruleId: r.ruleId, status: r.status, points: r.points, isVeto: r.isVeto,
      accountId: r.accountId, accountName: r.account.displayName, platformCode: r.account.platformCode, agencyName: r.account.agency.name,
      inspectionId: r.inspectionId, monitoringAt: r.inspection.monitoringAt.toISOString(), sourceType: r.sourceType, sourceUrl: r.sourceUrl,
      sourcePublishedAt: r.sourcePublishedAt?.toISOString() ?? null, matchedText: r.matchedText, reviewReason: r.reviewReason,
      ...ex,
    };
  });
  return { items, total, page: filter.page, pageSize: FINDINGS_PAGE_SIZE };
}

export async function listFindingScopes(db: Db, ids: string[]) {
  return db.finding.findMany({
    where: { id: { in: ids } },
    select: { id: true, status: true, inspectionId: true, accountId: true, fingerprint: true, account: { select: { agency: { select: { id: true, ancestorIds: true } } } } },
  });
}

/** Finished inspections holding the same evidence (account + fingerprint) as the given findings. */
export async function listInspectionsSharingFindings(db: Db, findings: Array<{ accountId: string; fingerprint: string }>) {
  const wanted = new Set(findings.map((f) => `${f.accountId}|${f.fingerprint}`));
  const rows = await db.finding.findMany({
    where: { fingerprint: { in: [...new Set(findings.map((f) => f.fingerprint))] }, accountId: { in: [...new Set(findings.map((f) => f.accountId))] }, inspection: { status: 'DONE' } },
    select: { inspectionId: true, accountId: true, fingerprint: true },
  });
  return rows.filter((r) => wanted.has(`${r.accountId}|${r.fingerprint}`)).map(({ inspectionId, accountId }) => ({ inspectionId, accountId }));
}

export async function setFindingReview(
  db: Db,
  ids: string[],
  review: { status: 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED'; reason: string | null; reviewerId: string; at: Date },
): Promise<number> {
  const result = await db.finding.updateMany({
    where: { id: { in: ids } },
    data: { status: review.status, reviewReason: review.reason, reviewedById: review.reviewerId, reviewedAt: review.at },
  });
  return result.count;
}
