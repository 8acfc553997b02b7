import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { findingFilterSchema, type FindingsPage } from '@/lib/schemas/finding';
import { encodeFindingCursor } from '@/lib/schemas/finding-cursor';
import { createInspection } from '@/lib/services/create-inspection';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { listFindings } from '@/lib/services/list-findings';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

const NOW = new Date('2026-11-25T04:00:00Z');
let t: TestDatabase;
let access: Access;
let expected: string[];
let countyId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  const root = await createTestAgency(t.db);
  countyId = (await createTestAgency(t.db, { parentId: root.id, level: 'COUNTY' })).id;
  const accounts = [await createTestAccount(t.db, root.id), await createTestAccount(t.db, countyId)];
  const { id: inspectionId } = await createInspection({
    access: null,
    input: { name: '分页', monitoringAt: NOW, scopeAgencyId: root.id, scope: 'TREE', editionCode: 'national-2019' },
    db: t.db,
  });
  const { editionId } = await t.db.inspection.findUniqueOrThrow({ where: { id: inspectionId } });
  // 70 findings, many sharing created_at (one inspection writes a batch at once), so the id tie-break matters.
  const rows = Array.from({ length: 70 }, (_, i) => ({
    inspectionId,
    editionId,
    accountId: accounts[i % 2]?.id ?? '',
    indicatorCode: 'D3',
    ruleId: 'D3.INSULT',
    points: 1,
    fingerprint: `fp-${i}`,
    status: i % 3 === 0 ? ('CONFIRMED' as const) : ('SUSPECTED' as const),
    isVeto: i % 9 === 0,
    sourceType: 'POST' as const,
    matchedText: `第${i}条`,
    createdAt: new Date(NOW.getTime() - Math.floor(i / 20) * 60_000),
  }));
  await t.db.finding.createMany({ data: rows });
  const all = await t.db.finding.findMany({
    orderBy: [{ isVeto: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true },
  });
  expected = all.map((f) => f.id);
  access = {
    userId: 'u',
    name: 'u',
    email: 'u@x',
    locale: 'zh-CN',
    grants: [{ role: 'ADMIN', agencyId: root.id, agencyName: '' }],
  };
});
afterAll(async () => t.drop());

const list = (params: Record<string, unknown>) =>
  listFindings({ access, filter: findingFilterSchema.parse({ status: 'ALL', ...params }), db: t.db });

describe('listFindings keyset pagination', () => {
  it('walks forward and back with cursors, without gaps or repeats, keeping the total', async () => {
    const pages: FindingsPage[] = [await list({})];
    while (pages.at(-1)?.nextCursor) {
      const last = pages.at(-1);
      pages.push(await list({ after: last?.nextCursor, page: (last?.page ?? 0) + 1 }));
    }
    expect(pages.map((p) => [p.page, p.items.length, p.total])).toEqual([
      [1, 25, 70],
      [2, 25, 70],
      [3, 20, 70],
    ]);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(expected);
    expect(pages[0]?.prevCursor).toBeNull();

    const back2 = await list({ before: pages[2]?.prevCursor, page: 2 });
    expect(back2.items.map((i) => i.id)).toEqual(pages[1]?.items.map((i) => i.id));
    const back1 = await list({ before: back2.prevCursor, page: 1 });
    expect(back1.items.map((i) => i.id)).toEqual(expected.slice(0, 25));
    expect([back1.page, back1.prevCursor, back1.nextCursor]).toEqual([1, null, pages[0]?.nextCursor]);
  });

  it('applies the filters and the scope on every page', async () => {
    for (const [params, where] of [
      [{ status: 'SUSPECTED' }, { status: 'SUSPECTED' as const }],
      [{ agencyId: countyId }, { account: { agencyId: countyId } }],
    ] as const) {
      const first = await list(params);
      const second = await list({ ...params, after: first.nextCursor, page: 2 });
      const want = await t.db.finding.findMany({
        where,
        orderBy: [{ isVeto: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true },
      });
      expect([first.total, second.nextCursor]).toEqual([want.length, null]);
      expect([...first.items, ...second.items].map((i) => i.id)).toEqual(want.map((f) => f.id));
    }
  });

  it('serves a page number without a cursor by offset (a typed or shared link), clamped to the last page', async () => {
    const second = await list({ page: 2 });
    expect([second.page, second.total]).toEqual([2, 70]);
    expect(second.items.map((i) => i.id)).toEqual(expected.slice(25, 50));
    const third = await list({ after: second.nextCursor, page: 3 });
    expect(third.items.map((i) => i.id)).toEqual(expected.slice(50));
    const backToFirst = await list({ before: second.prevCursor, page: 1 });
    expect(backToFirst.items.map((i) => i.id)).toEqual(expected.slice(0, 25));
    const beyond = await list({ page: 200 });
    expect([beyond.page, beyond.nextCursor, beyond.items.map((i) => i.id)]).toEqual([3, null, expected.slice(50)]);
  });

  it('rejects a tampered cursor with a 400, not a 500', async () => {
    const valid = encodeFindingCursor({ isVeto: false, createdAt: NOW, id: expected[0] ?? '' });
    for (const bad of ['abc', `${valid}x`, btoa('[1,"2026-11-25T04:00:00.000Z","not-a-uuid"]'), btoa('{"a":1}')]) {
      const parsed = findingFilterSchema.safeParse({ after: bad });
      expect(parsed.success).toBe(false);
      expect((await toErrorResponse(parsed.error)).status).toBe(400);
    }
    expect(findingFilterSchema.safeParse({ after: valid, before: valid }).success).toBe(false);
  });
});
