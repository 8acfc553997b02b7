import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import {
  listAccountsKeyset,
  listAgenciesKeyset,
  listAlertsKeyset,
  listInspectionsKeyset,
  listRectificationsKeyset,
  listScoresKeyset,
  type KeysetPage,
} from '@/lib/data/api-lists';
import { listEditionVetoScores } from '@/lib/data/account-scores';
import { decodeIdCursor, encodeIdCursor } from '@/lib/schemas/api/common';
import type { z } from 'zod';
import type {
  accountsQuerySchema,
  agenciesQuerySchema,
  alertsQuerySchema,
  findingsQuerySchema,
  inspectionsQuerySchema,
  rectificationsQuerySchema,
  scoresQuerySchema,
} from '@/lib/schemas/api/resources';
import { shanghaiDay } from '@/lib/time';
import { readScoreFigures } from './figures/score';
import { listFindings } from './list-findings';

// The lists of /api/v1 (docs/api.md), each inside the caller's read scope like the pages, ordered by id ascending
// and paged by an opaque cursor. Figures come from the figures layer (docs/figures.md), never recomputed here.

type Query<T extends z.ZodType> = z.output<T>;
type Args<T extends z.ZodType> = { access: Access; query: Query<T>; db?: Db };

const roots = (access: Access) => scopeRoots(access, READ_ROLES);
const seek = (q: { cursor?: string; limit: number }): KeysetPage => ({
  afterId: q.cursor ? (decodeIdCursor(q.cursor) ?? undefined) : undefined,
  limit: q.limit,
});
const page = <T extends { id: string }>({ rows, hasMore }: { rows: T[]; hasMore: boolean }) => ({
  items: rows,
  nextCursor: hasMore && rows.length ? encodeIdCursor(rows[rows.length - 1]!.id) : null,
});

export async function listApiAgencies({ access, query, db = getDb() }: Args<typeof agenciesQuerySchema>) {
  return page(await listAgenciesKeyset(db, roots(access), { parentId: query.parentId }, seek(query)));
}

export async function listApiAccounts({ access, query, db = getDb() }: Args<typeof accountsQuerySchema>) {
  return page(
    await listAccountsKeyset(db, roots(access), { agencyId: query.agencyId, platform: query.platform }, seek(query)),
  );
}

export async function listApiInspections({ access, query, db = getDb() }: Args<typeof inspectionsQuerySchema>) {
  return page(await listInspectionsKeyset(db, roots(access), { agencyId: query.agencyId }, seek(query)));
}

/** Scores of finished inspections, each read through readScoreFigures (reported score, veto cap, coverage). */
export async function listApiScores({ access, query, db = getDb() }: Args<typeof scoresQuerySchema>) {
  const { rows, hasMore } = await listScoresKeyset(db, roots(access), query, seek(query));
  const vetoScores = await listEditionVetoScores(db, [...new Set(rows.map((r) => r.editionId))]);
  const items = rows.map((r) => ({
    id: r.id,
    inspectionId: r.inspectionId,
    accountId: r.accountId,
    accountName: r.account.displayName,
    agencyId: r.account.agencyId,
    monitoringAt: r.inspection.monitoringAt.toISOString(),
    computedAt: r.computedAt.toISOString(),
    ...readScoreFigures({ ...r, vetoScore: vetoScores.get(r.editionId) ?? null }),
  }));
  return page({ rows: items, hasMore });
}

/** The dashboard's findings queue (veto first, newest first, keyset cursor), with each finding's evidence grouped. */
export async function listApiFindings({ access, query, db = getDb() }: Args<typeof findingsQuerySchema>) {
  const { cursor, ...filter } = query;
  const result = await listFindings({ access, filter: { ...filter, after: cursor, page: 1 }, db });
  const items = result.items.map(
    ({ sourceType, sourceUrl, sourcePublishedAt, excerpt, spanStart, spanEnd, matchedText, ...f }) => ({
      ...f,
      evidence: { sourceType, sourceUrl, sourcePublishedAt, excerpt, spanStart, spanEnd, matchedText },
    }),
  );
  return { items, nextCursor: result.nextCursor, total: result.total };
}

export async function listApiRectifications({
  access,
  query,
  now,
  db = getDb(),
}: Args<typeof rectificationsQuerySchema> & { now: Date }) {
  const today = shanghaiDay(now);
  const { rows, hasMore } = await listRectificationsKeyset(db, roots(access), { state: query.state }, seek(query));
  // Overdue as the rectification list and the RECTIFICATION_OVERDUE alert count it: open, deadline day before today.
  return page({ rows: rows.map((r) => ({ ...r, isOverdue: !r.doneAt && r.deadline < today })), hasMore });
}

export async function listApiAlerts({ access, query, db = getDb() }: Args<typeof alertsQuerySchema>) {
  const { rows, hasMore } = await listAlertsKeyset(
    db,
    roots(access),
    { kind: query.kind, acknowledged: query.acknowledged },
    seek(query),
  );
  return page({
    rows: rows.map((r) => ({
      ...r,
      details: r.details && typeof r.details === 'object' && !Array.isArray(r.details) ? r.details : null,
    })),
    hasMore,
  });
}
