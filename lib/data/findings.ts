import type { Db } from '@/lib/db/types';
import { Prisma } from '@/lib/db/generated/client';
import { excerptAround } from '@/lib/excerpt';
import { shanghaiDayStart } from '@/lib/time';
import type { FindingFilter, FindingListItem, FindingsPage } from '@/lib/schemas/finding';
import type { FindingCursorKey } from '@/lib/schemas/finding-cursor';
import type { FindingStatus } from '@/lib/schemas/enums';

export const FINDINGS_PAGE_SIZE = 25;

/** The post field a finding's span indexes into (text, title or the reposted text). */
export function postField(
  post: { text: string; title: string | null; repostOfText: string | null },
  details: unknown,
): string {
  const field = details && typeof details === 'object' && 'field' in details ? details.field : 'text';
  if (field === 'title') return post.title ?? '';
  if (field === 'repostOfText') return post.repostOfText ?? '';
  return post.text;
}

function whereSql(roots: string[], filter: FindingFilter): Prisma.Sql {
  const parts = [Prisma.sql`(ag.id = ANY(${roots}::uuid[]) OR ag.ancestor_ids && ${roots}::uuid[])`];
  if (filter.agencyId)
    parts.push(Prisma.sql`(ag.id = ${filter.agencyId}::uuid OR ag.ancestor_ids && ARRAY[${filter.agencyId}::uuid])`);
  if (filter.status !== 'ALL') parts.push(Prisma.sql`f.status = ${filter.status}::"FindingStatus"`);
  if (filter.indicator) parts.push(Prisma.sql`f.indicator_code = ${filter.indicator}`);
  if (filter.inspectionId) parts.push(Prisma.sql`f.inspection_id = ${filter.inspectionId}::uuid`);
  if (filter.accountId) parts.push(Prisma.sql`f.account_id = ${filter.accountId}::uuid`);
  if (filter.platform) parts.push(Prisma.sql`a.platform_code = ${filter.platform}`);
  // Days are Beijing days of the inspection's monitoring date (docs/dates.md).
  if (filter.from)
    parts.push(
      Prisma.sql`f.inspection_id IN (SELECT id FROM inspection WHERE monitoring_at >= ${shanghaiDayStart(filter.from)})`,
    );
  if (filter.to)
    parts.push(
      Prisma.sql`f.inspection_id IN (SELECT id FROM inspection WHERE monitoring_at < ${new Date(shanghaiDayStart(filter.to).getTime() + 86_400_000)})`,
    );
  return Prisma.join(parts, ' AND ');
}

type KeyRow = { id: string; is_veto: boolean; created_at: Date };
const toKey = (r: KeyRow | undefined): FindingCursorKey | null =>
  r ? { isVeto: r.is_veto, createdAt: r.created_at, id: r.id } : null;

/** One page of the queue: its rows, the sort keys at both ends, and whether rows exist beyond either end. */
export type FindingsQueuePage = Omit<FindingsPage, 'page' | 'nextCursor' | 'prevCursor'> & {
  first: FindingCursorKey | null;
  last: FindingCursorKey | null;
  hasBefore: boolean;
  hasAfter: boolean;
};

/**
 * Keyset on (is_veto, created_at, id), all descending, so a row comparison seeks straight to the page through
 * `finding_is_veto_created_at_id_idx` (or its status-prefixed twin) however deep it is. `before` reads backwards
 * and flips the rows. One row more than a page tells whether there is a further page.
 */
async function listPageKeys(db: Db, where: Prisma.Sql, seek: FindingsSeek) {
  const cursor = seek.after ?? seek.before;
  const offset = cursor ? 0 : (seek.offset ?? 0);
  const backwards = !seek.after && Boolean(seek.before);
  const from = cursor
    ? Prisma.sql`AND (f.is_veto, f.created_at, f.id) ${backwards ? Prisma.sql`>` : Prisma.sql`<`} (${cursor.isVeto}::boolean, ${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`
    : Prisma.empty;
  const order = backwards ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await db.$queryRaw<KeyRow[]>`
    SELECT f.id, f.is_veto, f.created_at FROM finding f
    JOIN account a ON a.id = f.account_id JOIN agency ag ON ag.id = a.agency_id
    WHERE ${where} ${from}
    ORDER BY f.is_veto ${order}, f.created_at ${order}, f.id ${order}
    LIMIT ${FINDINGS_PAGE_SIZE + 1} OFFSET ${offset}`;
  const hasMore = rows.length > FINDINGS_PAGE_SIZE;
  const keys = rows.slice(0, FINDINGS_PAGE_SIZE);
  if (backwards) keys.reverse();
  return {
    ids: keys.map((k) => k.id),
    first: toKey(keys[0]),
    last: toKey(keys.at(-1)),
    hasBefore: backwards ? hasMore : Boolean(cursor) || offset > 0,
    hasAfter: backwards || hasMore,
  };
}

/**
 * `offset` serves a page number typed or linked without a cursor (`?page=7`); beyond the end it shows the last page.
 * Stepping from there goes on by cursor.
 */
export type FindingsSeek = { after?: FindingCursorKey; before?: FindingCursorKey; offset?: number };

export async function listFindingsPage(
  db: Db,
  roots: string[],
  filter: FindingFilter,
  seek: FindingsSeek = {},
): Promise<FindingsQueuePage> {
  const where = whereSql(roots, filter);
  const countTotal = () => db.$queryRaw<Array<{ total: number }>>`
    SELECT count(*)::int AS total FROM finding f
    JOIN account a ON a.id = f.account_id JOIN agency ag ON ag.id = a.agency_id
    WHERE ${where}`;
  let counted: { total: number } | undefined;
  let keys: Awaited<ReturnType<typeof listPageKeys>>;
  if (seek.offset) {
    [counted] = await countTotal();
    const lastOffset = Math.max(0, Math.ceil((counted?.total ?? 0) / FINDINGS_PAGE_SIZE) - 1) * FINDINGS_PAGE_SIZE;
    keys = await listPageKeys(db, where, { offset: Math.min(seek.offset, lastOffset) });
  } else {
    [keys, [counted]] = await Promise.all([listPageKeys(db, where, seek), countTotal()]);
  }
  const { ids, ...ends } = keys;
  const found = await db.finding.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      indicatorCode: true,
      ruleId: true,
      status: true,
      points: true,
      isVeto: true,
      accountId: true,
      inspectionId: true,
      sourceType: true,
      sourceUrl: true,
      sourcePublishedAt: true,
      spanStart: true,
      spanEnd: true,
      matchedText: true,
      reviewReason: true,
      account: { select: { displayName: true, platformCode: true, agency: { select: { name: true } } } },
      inspection: { select: { monitoringAt: true } },
      post: { select: { text: true, title: true, repostOfText: true } },
      details: true,
      comment: { select: { text: true } },
    },
  });
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  const items: FindingListItem[] = rows.map((r) => {
    // Findings without a span (a blocked link, a count) show what matched instead of the whole item.
    const source =
      r.spanStart === null && r.matchedText
        ? r.matchedText
        : (r.comment?.text ?? (r.post ? postField(r.post, r.details) : null));
    const ex =
      source === null
        ? { excerpt: null, spanStart: null, spanEnd: null }
        : excerptAround(source, r.spanStart, r.spanEnd);
    return {
      id: r.id,
      indicatorCode: r.indicatorCode,
      ruleId: r.ruleId,
      status: r.status,
      points: r.points,
      isVeto: r.isVeto,
      accountId: r.accountId,
      accountName: r.account.displayName,
      platformCode: r.account.platformCode,
      agencyName: r.account.agency.name,
      inspectionId: r.inspectionId,
      monitoringAt: r.inspection.monitoringAt.toISOString(),
      sourceType: r.sourceType,
      sourceUrl: r.sourceUrl,
      sourcePublishedAt: r.sourcePublishedAt?.toISOString() ?? null,
      matchedText: r.matchedText,
      reviewReason: r.reviewReason,
      ...ex,
    };
  });
  return { items, total: counted?.total ?? 0, pageSize: FINDINGS_PAGE_SIZE, ...ends };
}

export async function listFindingScopes(db: Db, ids: string[]) {
  return db.finding.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      status: true,
      inspectionId: true,
      accountId: true,
      fingerprint: true,
      reviewedById: true,
      reviewedAt: true,
      reviewReason: true,
      reviewBasis: true,
      account: { select: { agency: { select: { id: true, ancestorIds: true } } } },
    },
  });
}

/**
 * Puts a finding back to the review state it had before (undo), only while it is still as `expected` left it:
 * the same status, reviewer and review time. Returns how many changed.
 */
export async function restoreFindingReview(
  db: Db,
  id: string,
  expected: { status: 'CONFIRMED' | 'DISMISSED'; reviewerId: string; at: Date },
  previous: {
    status: 'SUSPECTED' | 'DISMISSED';
    reason: string | null;
    reviewerId: string | null;
    at: Date | null;
    basis: FindingStatus | null;
  },
): Promise<number> {
  const result = await db.finding.updateMany({
    where: { id, status: expected.status, reviewedById: expected.reviewerId, reviewedAt: expected.at },
    data: {
      status: previous.status,
      reviewReason: previous.reason,
      reviewedById: previous.reviewerId,
      reviewedAt: previous.at,
      reviewBasis: previous.basis,
    },
  });
  return result.count;
}

/** Finished inspections holding the same evidence (account + fingerprint) as the given findings. */
export async function listInspectionsSharingFindings(
  db: Db,
  findings: Array<{ accountId: string; fingerprint: string }>,
) {
  const wanted = new Set(findings.map((f) => `${f.accountId}|${f.fingerprint}`));
  const rows = await db.finding.findMany({
    where: {
      fingerprint: { in: [...new Set(findings.map((f) => f.fingerprint))] },
      accountId: { in: [...new Set(findings.map((f) => f.accountId))] },
      inspection: { status: 'DONE' },
    },
    select: { inspectionId: true, accountId: true, fingerprint: true },
  });
  return rows
    .filter((r) => wanted.has(`${r.accountId}|${r.fingerprint}`))
    .map(({ inspectionId, accountId }) => ({ inspectionId, accountId }));
}

export async function setFindingReview(
  db: Db,
  ids: string[],
  review: {
    status: 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED';
    reason: string | null;
    reviewerId: string;
    at: Date;
    /** The machine status the decision is made on (scoring's reviewApplies reads it); unchanged when omitted. */
    basis?: FindingStatus | null;
  },
  /** Only findings currently in one of these statuses change (the review state machine); all when omitted. */
  fromStatuses?: readonly ('SUSPECTED' | 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED')[],
): Promise<number> {
  const result = await db.finding.updateMany({
    where: { id: { in: ids }, ...(fromStatuses ? { status: { in: [...fromStatuses] } } : {}) },
    data: {
      status: review.status,
      reviewReason: review.reason,
      reviewedById: review.reviewerId,
      reviewedAt: review.at,
      reviewBasis: review.basis,
    },
  });
  return result.count;
}

/** The names behind a queue filter's ids (shown on its chip), inside the scope only; null otherwise. */
export async function findFilterNames(
  db: Db,
  roots: string[],
  ids: { agencyId?: string; accountId?: string; inspectionId?: string },
) {
  const inScope = { OR: [{ id: { in: roots } }, { ancestorIds: { hasSome: roots } }] };
  const [agency, account, inspection] = await Promise.all([
    ids.agencyId ? db.agency.findFirst({ where: { id: ids.agencyId, ...inScope }, select: { name: true } }) : null,
    ids.accountId
      ? db.account.findFirst({ where: { id: ids.accountId, agency: inScope }, select: { displayName: true } })
      : null,
    ids.inspectionId
      ? db.inspection.findFirst({ where: { id: ids.inspectionId, scopeAgency: inScope }, select: { name: true } })
      : null,
  ]);
  return { agency: agency?.name ?? null, account: account?.displayName ?? null, inspection: inspection?.name ?? null };
}
