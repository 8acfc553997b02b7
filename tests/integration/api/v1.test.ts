// /api/v1 through its route handlers with real Request objects against a real database: tokens (hashing, expiry,
// revocation, narrowing, rate limit, last use), scope (a county token never sees another county), 400s naming the
// field, complete and stable cursor pages, the session cookie as the other way in, and an audit row per call.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Access } from '@/lib/access';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { createApiToken, revokeApiToken } from '@/lib/services/manage-api-tokens';
import { runExportJob } from '@/lib/services/run-export-job';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

vi.mock('server-only', () => ({}));
// Without an Authorization header the routes fall back to the dashboard session; the test stands in for it.
const session = vi.hoisted(() => ({ access: null as Access | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentAccess: async () => session.access }));

const routes = {
  agencies: (await import('@/app/api/v1/agencies/route')).GET,
  agency: (await import('@/app/api/v1/agencies/[id]/route')).GET,
  accounts: (await import('@/app/api/v1/accounts/route')).GET,
  accountScores: (await import('@/app/api/v1/accounts/[id]/scores/route')).GET,
  inspections: (await import('@/app/api/v1/inspections/route')).GET,
  scores: (await import('@/app/api/v1/scores/route')).GET,
  findings: (await import('@/app/api/v1/findings/route')).GET,
  rectifications: (await import('@/app/api/v1/rectifications/route')).GET,
  alerts: (await import('@/app/api/v1/alerts/route')).GET,
  overview: (await import('@/app/api/v1/overview/route')).GET,
  findingRaw: (await import('@/app/api/v1/findings/[id]/raw/route')).GET,
  raw: (await import('@/app/api/v1/raw/[hash]/route')).GET,
  exports: (await import('@/app/api/v1/exports/route')).POST,
  exportJob: (await import('@/app/api/v1/export-jobs/[id]/route')).GET,
  exportJobFile: (await import('@/app/api/v1/export-jobs/[id]/file/route')).GET,
};

const MONITORING = new Date('2026-11-20T04:00:00Z');
let t: TestDatabase;
const ids = { province: '', city: '', countyA: '', countyB: '' };
const accountsA: string[] = [];
const accountsB: string[] = [];
let inspectionId = '';
const users = { a: '', admin: '', outsider: '' };
let accessA: Access;
let accessAdmin: Access;
let tokenA = '';

const accessOf = (userId: string, role: Access['grants'][number]['role'], agencyId: string): Access => ({
  userId,
  name: userId,
  email: `${userId}@test.local`,
  locale: 'zh-CN',
  grants: [{ role, agencyId, agencyName: '' }],
});

async function user(id: string, role: 'ADMIN' | 'SUPERVISOR' | 'AUDITOR', agencyId: string) {
  await t.db.user.create({
    data: { id, name: id, email: `${id}@test.local`, roleGrants: { create: [{ role, agencyId }] } },
  });
  return id;
}

type Call = {
  path: string;
  token?: string | null;
  header?: string;
  query?: Record<string, string>;
  params?: Record<string, string>;
};
function request({ path, token, header, query = {} }: Call, init: RequestInit = {}) {
  const url = new URL(`http://localhost/api/v1/${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const headers = new Headers(init.headers);
  if (header !== undefined) headers.set('authorization', header);
  else if (token) headers.set('authorization', `Bearer ${token}`);
  headers.set('accept-language', 'en');
  return new Request(url, { ...init, headers });
}
async function get(route: keyof typeof routes, call: Call) {
  const handler = routes[route] as (r: Request, a?: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const response = await handler(request(call), { params: Promise.resolve(call.params ?? {}) });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown> & {
      items?: Array<Record<string, unknown>>;
      nextCursor?: string | null;
    },
  };
}
/** Every page of a list, following nextCursor. */
async function walk(route: keyof typeof routes, call: Call) {
  const pages: Array<Array<Record<string, unknown>>> = [];
  let cursor: string | null | undefined;
  do {
    const r = await get(route, { ...call, query: { ...call.query, ...(cursor ? { cursor } : {}) } });
    expect(r.status).toBe(200);
    pages.push(r.body.items ?? []);
    cursor = r.body.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

beforeAll(async () => {
  t = await createTestDatabase();
  (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')] = t.db;
  await ensureScoringConfig(t.db);
  ids.province = (await createTestAgency(t.db, { name: '江川省' })).id;
  ids.city = (await createTestAgency(t.db, { name: '甲市', parentId: ids.province, level: 'CITY' })).id;
  ids.countyA = (await createTestAgency(t.db, { name: '甲县', parentId: ids.city, level: 'COUNTY' })).id;
  ids.countyB = (await createTestAgency(t.db, { name: '乙县', parentId: ids.city, level: 'COUNTY' })).id;
  for (let i = 0; i < 7; i++)
    accountsA.push((await createTestAccount(t.db, ids.countyA, { displayName: `甲县发布${i}` })).id);
  for (let i = 0; i < 3; i++)
    accountsB.push((await createTestAccount(t.db, ids.countyB, { displayName: `乙县发布${i}` })).id);

  const edition = await t.db.indicatorEdition.findFirstOrThrow({ where: { code: 'national-2019' } });
  inspectionId = (
    await t.db.inspection.create({
      data: {
        name: '四季度',
        monitoringAt: MONITORING,
        scopeAgencyId: ids.countyA,
        editionId: edition.id,
        status: 'DONE',
      },
    })
  ).id;
  const inspectionB = (
    await t.db.inspection.create({
      data: {
        name: '乙县检查',
        monitoringAt: MONITORING,
        scopeAgencyId: ids.countyB,
        editionId: edition.id,
        status: 'DONE',
      },
    })
  ).id;
  const all = [
    ...accountsA.map((id) => ({ id, inspection: inspectionId })),
    ...accountsB.map((id) => ({ id, inspection: inspectionB })),
  ];
  for (const a of all) {
    const score = await t.db.score.create({
      data: {
        inspectionId: a.inspection,
        accountId: a.id,
        editionId: edition.id,
        result: 'FAIL_VETO',
        total: 85,
        bonus: 2,
        inputHash: 'h',
        computedAt: MONITORING,
        breakdown: { indicators: [{ code: 'V2', status: 'HIT', deducted: 0, max: 0 }], reportedScore: 59 },
        vetoCodes: ['V2'],
      },
    });
    // 4 findings per account, several sharing created_at, so the queue's id tie-break is exercised.
    await t.db.finding.createMany({
      data: Array.from({ length: 4 }, (_, i) => ({
        inspectionId: a.inspection,
        accountId: a.id,
        scoreId: score.id,
        editionId: edition.id,
        indicatorCode: 'D3',
        ruleId: 'D3.AD',
        status: 'CONFIRMED' as const,
        points: 5,
        isVeto: i === 0,
        fingerprint: `${a.id}-${i}`,
        sourceType: 'POST' as const,
        matchedText: `广告${i}`,
        sourceUrl: `https://weibo.com/${a.id}/${i}`,
        createdAt: new Date(MONITORING.getTime() + (i % 2) * 1000),
      })),
    });
    await t.db.alert.create({
      data: {
        accountId: a.id,
        kind: 'STALE',
        dedupeKey: `stale-${a.id}`,
        details: { kind: 'STALE', lastPostAt: '2026-11-01T00:00:00Z', daysSince: 19, limitDays: 14 },
      },
    });
  }
  const findingA = await t.db.finding.findFirstOrThrow({ where: { accountId: accountsA[0] } });
  const findingB = await t.db.finding.findFirstOrThrow({ where: { accountId: accountsB[0] } });
  await t.db.rectification.createMany({
    data: [
      { findingId: findingA.id, agencyId: ids.countyA, deadline: new Date('2026-11-01T00:00:00Z') },
      { findingId: findingB.id, agencyId: ids.countyB, deadline: new Date('2026-11-01T00:00:00Z') },
    ],
  });

  users.a = await user('county-a-supervisor', 'SUPERVISOR', ids.countyA);
  users.admin = await user('city-admin', 'ADMIN', ids.city);
  users.outsider = await user('other-province', 'ADMIN', (await createTestAgency(t.db, { name: '别省' })).id);
  accessA = accessOf(users.a, 'SUPERVISOR', ids.countyA);
  accessAdmin = accessOf(users.admin, 'ADMIN', ids.city);
  tokenA = (
    await createApiToken({
      access: accessA,
      input: { name: '甲县值班系统', role: 'SUPERVISOR', agencyId: ids.countyA, expiresInDays: 30 },
      now: new Date(),
      db: t.db,
    })
  ).secret;
}, 120_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')];
  await t?.drop();
});

describe('API tokens', () => {
  it('are xj_ secrets stored only as their SHA-256, with a recognizable prefix', async () => {
    expect(tokenA).toMatch(/^xj_[A-Za-z0-9_-]{43}$/);
    const row = await t.db.apiToken.findFirstOrThrow({ where: { userId: users.a } });
    expect(row.tokenHash).toBe(createHash('sha256').update(tokenA).digest('hex'));
    expect(row.prefix).toBe(tokenA.slice(0, 9));
    expect(JSON.stringify(row)).not.toContain(tokenA.slice(9));
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: 'apiToken.create', entityId: row.id } });
    expect(JSON.stringify(audit.after)).not.toContain(tokenA.slice(9));
  });

  it('cannot be wider than the owner or the creator', async () => {
    const create = (access: Access, input: Record<string, unknown>) =>
      createApiToken({ access, input: { name: '令牌', expiresInDays: 7, ...input }, now: new Date(), db: t.db });
    await expect(create(accessA, { role: 'ADMIN', agencyId: ids.countyA })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      field: 'agencyId',
    });
    await expect(create(accessA, { role: 'SUPERVISOR', agencyId: ids.city })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      create(accessA, { role: 'SUPERVISOR', agencyId: ids.countyA, userId: users.admin }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      create(accessAdmin, { role: 'SUPERVISOR', agencyId: ids.countyA, userId: users.outsider }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      create(accessA, { role: 'SUPERVISOR', agencyId: ids.countyA, expiresInDays: 0 }),
    ).rejects.toMatchObject({ name: 'ZodError' });
    // An administrator delegates to a user of the subtree, within that user's grant.
    const delegated = await create(accessAdmin, { role: 'SUPERVISOR', agencyId: ids.countyA, userId: users.a });
    expect(delegated.token).toMatchObject({ userId: users.a, role: 'SUPERVISOR', state: 'ACTIVE' });
    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: delegated.token.id } });
    expect(row.createdById).toBe(users.admin);
  });

  it('refuse unknown, malformed, expired and revoked tokens with 401, and audit the refusals', async () => {
    const unknown = `xj_${'A'.repeat(43)}`;
    for (const call of [{ token: unknown }, { header: 'Bearer' }, { header: 'Basic abc' }, { token: 'not-a-token' }]) {
      const r = await get('findings', { path: 'findings', ...call });
      expect(r.status).toBe(401);
      expect(r.body.error).toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const anonymousRefusals = await t.db.auditLog.findMany({
      where: { action: 'api.call', entityType: 'api_token', entityId: null, actorId: null },
    });
    expect(anonymousRefusals.map((a) => (a.after as { status: number }).status)).toEqual([401, 401, 401, 401]);
    const expiring = await createApiToken({
      access: accessA,
      input: { name: '过期', role: 'SUPERVISOR', agencyId: ids.countyA, expiresInDays: 1 },
      now: new Date(),
      db: t.db,
    });
    expect((await get('findings', { path: 'findings', token: expiring.secret })).status).toBe(200);
    await t.db.apiToken.update({ where: { id: expiring.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get('findings', { path: 'findings', token: expiring.secret })).status).toBe(401);

    const revoking = await createApiToken({
      access: accessA,
      input: { name: '吊销', role: 'SUPERVISOR', agencyId: ids.countyA, expiresInDays: 5 },
      now: new Date(),
      db: t.db,
    });
    expect((await get('alerts', { path: 'alerts', token: revoking.secret })).status).toBe(200);
    await expect(
      revokeApiToken({
        access: accessOf(users.outsider, 'ADMIN', ids.countyB),
        input: { tokenId: revoking.token.id },
        now: new Date(),
        db: t.db,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await revokeApiToken({ access: accessAdmin, input: { tokenId: revoking.token.id }, now: new Date(), db: t.db }),
    ).toEqual({ revoked: true });
    const refused = await get('alerts', { path: 'alerts', token: revoking.secret });
    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'The API token is unknown, expired or revoked',
    });
    const audits = await t.db.auditLog.findMany({
      where: { action: 'api.call', entityId: revoking.token.id },
      orderBy: { at: 'asc' },
    });
    expect(audits.map((a) => (a.after as { status: number }).status)).toEqual([200, 401]);
  });

  it('narrow at once when the owner loses the grant, and record the last use', async () => {
    const before = await t.db.apiToken.findFirstOrThrow({ where: { userId: users.a, name: '甲县值班系统' } });
    expect((await get('accounts', { path: 'accounts', token: tokenA })).status).toBe(200);
    const after = await t.db.apiToken.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.lastUsedAt).not.toBeNull();

    const helper = await user('temporary', 'SUPERVISOR', ids.countyA);
    const { secret } = await createApiToken({
      access: accessOf(helper, 'SUPERVISOR', ids.countyA),
      input: { name: '临时', role: 'SUPERVISOR', agencyId: ids.countyA, expiresInDays: 5 },
      now: new Date(),
      db: t.db,
    });
    expect((await get('accounts', { path: 'accounts', token: secret })).status).toBe(200);
    await t.db.roleGrant.deleteMany({ where: { userId: helper } });
    expect((await get('accounts', { path: 'accounts', token: secret })).status).toBe(403);
    await t.db.user.update({ where: { id: helper }, data: { isActive: false } });
    expect((await get('accounts', { path: 'accounts', token: secret })).status).toBe(401);
  });

  it('are rate limited per token (429 with Retry-After), counted in the database', async () => {
    const { secret } = await createApiToken({
      access: accessA,
      input: { name: '限流', role: 'SUPERVISOR', agencyId: ids.countyA, expiresInDays: 5 },
      now: new Date(),
      db: t.db,
    });
    vi.stubEnv('API_RATE_LIMIT_PER_MINUTE', '3');
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get('agencies', { path: 'agencies', token: secret })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await get('agencies', { path: 'agencies', token: secret });
      expect(limited.headers.get('retry-after')).toBe('60');
      expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED' });
      // Another token has its own budget.
      const other = await createApiToken({
        access: accessA,
        input: { name: '另一个', role: 'SUPERVISOR', agencyId: ids.countyA, expiresInDays: 5 },
        now: new Date(),
        db: t.db,
      });
      expect((await get('agencies', { path: 'agencies', token: other.secret })).status).toBe(200);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('scope: a county token never sees another county', () => {
  it('lists only county A in every list, on every page', async () => {
    const flat = async (route: keyof typeof routes, query: Record<string, string> = {}) =>
      (await walk(route, { path: route, token: tokenA, query })).flat();
    expect((await flat('agencies')).map((a) => a.id)).toEqual([ids.countyA]);
    expect((await flat('accounts', { limit: '3' })).map((a) => a.id).sort()).toEqual([...accountsA].sort());
    const findings = await flat('findings');
    expect(findings).toHaveLength(accountsA.length * 4);
    expect(findings.every((f) => accountsA.includes(String(f.accountId)))).toBe(true);
    expect((await flat('scores', { limit: '2' })).map((s) => s.accountId).sort()).toEqual([...accountsA].sort());
    expect((await flat('alerts')).map((a) => a.accountId).sort()).toEqual([...accountsA].sort());
    expect((await flat('rectifications')).map((r) => r.agencyId)).toEqual([ids.countyA]);
    expect((await flat('inspections')).map((i) => i.id)).toEqual([inspectionId]);
    // Asking for the other county by filter narrows to nothing rather than widening.
    expect(await flat('accounts', { agencyId: ids.countyB })).toEqual([]);
    expect(await flat('findings', { accountId: accountsB[0] ?? '' })).toEqual([]);
  });

  it("answers 404 for the other county's agency and account, and for an agency above the grant", async () => {
    expect(
      (await get('agency', { path: `agencies/${ids.countyB}`, token: tokenA, params: { id: ids.countyB } })).status,
    ).toBe(404);
    expect(
      (await get('agency', { path: `agencies/${ids.city}`, token: tokenA, params: { id: ids.city } })).status,
    ).toBe(404);
    expect(
      (
        await get('accountScores', {
          path: `accounts/${accountsB[0]}/scores`,
          token: tokenA,
          params: { id: accountsB[0] ?? '' },
        })
      ).status,
    ).toBe(404);
    const own = await get('accountScores', {
      path: `accounts/${accountsA[0]}/scores`,
      token: tokenA,
      params: { id: accountsA[0] ?? '' },
    });
    expect(own.status).toBe(200);
    const findingA = await t.db.finding.findFirstOrThrow({ where: { accountId: accountsA[0] } });
    const findingB = await t.db.finding.findFirstOrThrow({ where: { accountId: accountsB[0] } });
    const rawA = await get('findingRaw', {
      path: `findings/${findingA.id}/raw`,
      token: tokenA,
      params: { id: findingA.id },
    });
    expect([rawA.status, rawA.body.items]).toEqual([200, []]); // no crawl archived behind these test findings
    expect(
      (await get('findingRaw', { path: `findings/${findingB.id}/raw`, token: tokenA, params: { id: findingB.id } }))
        .status,
    ).toBe(404);
    expect(
      (await get('raw', { path: `raw/${'0'.repeat(64)}`, token: tokenA, params: { hash: '0'.repeat(64) } })).status,
    ).toBe(404);
  });

  it('serves figures from the figures layer: a vetoed score is reported at the veto score, bonus dropped', async () => {
    const [score] = (
      await walk('scores', { path: 'scores', token: tokenA, query: { accountId: accountsA[0] ?? '' } })
    ).flat();
    expect(score).toMatchObject({
      result: 'FAIL_VETO',
      total: 85,
      reportedScore: 59,
      bonus: 0,
      isVetoed: true,
      isZombie: true,
    });
    const overview = await get('overview', { path: 'overview', token: tokenA });
    expect(overview.status).toBe(200);
    expect(overview.body.latest).toMatchObject({ vetoed: accountsA.length, zombies: accountsA.length, passRate: 0 });
  });

  it("groups each finding's evidence", async () => {
    const r = await get('findings', { path: 'findings', token: tokenA });
    expect(r.body.total).toBe(accountsA.length * 4);
    expect(r.body.items?.[0]).toMatchObject({
      isVeto: true,
      evidence: {
        sourceType: 'POST',
        matchedText: expect.stringMatching(/^广告/),
        sourceUrl: expect.stringMatching(/^https:\/\/weibo\.com\//),
      },
    });
  });
});

describe('input', () => {
  it('answers a 400 naming the field for bad query parameters and bodies', async () => {
    const cases: Array<[keyof typeof routes, Record<string, string>, string]> = [
      ['accounts', { limit: '0' }, 'limit'],
      ['accounts', { limit: 'many' }, 'limit'],
      ['accounts', { cursor: 'not-a-cursor' }, 'cursor'],
      ['accounts', { platform: 'MYSPACE' }, 'platform'],
      ['alerts', { acknowledged: 'yes' }, 'acknowledged'],
      ['findings', { status: 'LOST' }, 'status'],
      ['findings', { cursor: btoa('["v1","x"]') }, 'cursor'],
      ['scores', { inspectionId: '42' }, 'inspectionId'],
    ];
    for (const [route, query, field] of cases) {
      const r = await get(route, { path: route, token: tokenA, query });
      expect([route, field, r.status]).toEqual([route, field, 400]);
      expect(r.body.error).toMatchObject({ code: 'VALIDATION', fieldErrors: { [field]: [expect.any(String)] } });
    }
    const unknown = await get('accounts', { path: 'accounts', token: tokenA, query: { colour: 'red' } });
    expect([unknown.status, JSON.stringify(unknown.body)]).toEqual([400, expect.stringContaining('colour')]);

    const post = async (body: string) => {
      const response = await routes.exports(
        request(
          { path: 'exports', token: tokenA },
          { method: 'POST', body, headers: { 'content-type': 'application/json' } },
        ),
      );
      return {
        status: response.status,
        body: (await response.json()) as { error: { code: string; fieldErrors?: Record<string, string[]> } },
      };
    };
    const missing = await post(JSON.stringify({ kind: 'notice', period: '2026Q4', format: 'xlsx' }));
    expect([missing.status, Object.keys(missing.body.error.fieldErrors ?? {})]).toEqual([400, ['agencyId']]);
    const period = await post(
      JSON.stringify({ kind: 'notice', period: '2026', format: 'xlsx', agencyId: ids.countyA }),
    );
    expect([period.status, Object.keys(period.body.error.fieldErrors ?? {})]).toEqual([400, ['period']]);
    expect((await post('{not json')).status).toBe(400);
    // The same valid body sent as text/plain (what a cross-site form can send with a cookie) is refused.
    const plain = await routes.exports(
      request(
        { path: 'exports', token: tokenA },
        {
          method: 'POST',
          body: JSON.stringify({ kind: 'notice', period: '2026Q4', format: 'xlsx', agencyId: ids.countyA }),
          headers: { 'content-type': 'text/plain' },
        },
      ),
    );
    expect(plain.status).toBe(400);
    const file = await routes.exports(
      request(
        { path: 'exports', token: tokenA },
        {
          method: 'POST',
          body: JSON.stringify({ kind: 'notice', period: '2026Q4', format: 'xlsx', agencyId: ids.countyA }),
          headers: { 'content-type': 'application/json' },
        },
      ),
    );
    expect([file.status, file.headers.get('content-type')]).toEqual([
      200,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});

describe('large exports (EXPORT_DIRECT_MAX_ACCOUNTS)', () => {
  const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

  it('are queued as export jobs (202, job, Location), small ones answered at once; the job says its status and serves its file', async () => {
    vi.stubEnv('EXPORT_DIRECT_MAX_ACCOUNTS', '5');
    try {
      const token = (
        await createApiToken({
          access: accessAdmin,
          input: { name: '市级导出', role: 'ADMIN', agencyId: ids.city, expiresInDays: 7 },
          now: new Date(),
          db: t.db,
        })
      ).secret;
      const post = (agencyId: string) =>
        routes.exports(
          request(
            { path: 'exports', token },
            {
              method: 'POST',
              body: JSON.stringify({ kind: 'notice', period: '2026Q4', format: 'xlsx', agencyId }),
              headers: { 'content-type': 'application/json' },
            },
          ),
        );
      const jobCall = (id: string, route: 'exportJob' | 'exportJobFile', bearer = token) =>
        routes[route](
          request({ path: `export-jobs/${id}${route === 'exportJobFile' ? '/file' : ''}`, token: bearer }),
          {
            params: Promise.resolve({ id }),
          },
        );

      // 乙县: 3 accounts, within the limit of 5 → the file itself.
      const small = await post(ids.countyB);
      expect([small.status, small.headers.get('content-type')]).toEqual([200, XLSX]);
      expect(await t.db.exportJob.count({ where: { requestedById: users.admin } })).toBe(0);

      // 甲县: 7 or more accounts, above it → queued like the exports page queues it, nothing rendered in the request.
      const large = await post(ids.countyA);
      expect(large.status).toBe(202);
      const { job } = (await large.json()) as { job: Record<string, unknown> & { id: string; statusUrl: string } };
      expect(job).toMatchObject({
        status: 'QUEUED',
        kind: 'notice',
        period: '2026Q4',
        agencyId: ids.countyA,
        agencyName: '甲县',
        format: 'xlsx',
        statusUrl: `/api/v1/export-jobs/${job.id}`,
        fileUrl: null,
      });
      expect(large.headers.get('location')).toBe(job.statusUrl);
      expect(await t.db.exportJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
        requestedById: users.admin,
        status: 'QUEUED',
        // Without a locale in the body the document is in the caller's language (Accept-Language: en here).
        locale: 'en',
      });
      const queued = await jobCall(job.id, 'exportJob');
      expect([queued.status, ((await queued.json()) as { status: string }).status]).toEqual([200, 'QUEUED']);
      const early = await jobCall(job.id, 'exportJobFile');
      expect([early.status, ((await early.json()) as { error: { code: string } }).error.code]).toEqual([
        409,
        'CONFLICT',
      ]);

      // The worker's side, then the status says DONE with the file's URL and the file downloads.
      expect(await runExportJob({ jobId: job.id, now: () => new Date(), db: t.db })).toBe('done');
      const done = (await (await jobCall(job.id, 'exportJob')).json()) as Record<string, unknown>;
      expect(done).toMatchObject({ status: 'DONE', fileUrl: `${job.statusUrl}/file` });
      const file = await jobCall(job.id, 'exportJobFile');
      expect([file.status, file.headers.get('content-type')]).toEqual([200, XLSX]);
      expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);

      // Someone else's job is not found, whoever can see the agency; outside the scope it is not found either.
      expect((await jobCall(job.id, 'exportJob', tokenA)).status).toBe(404);
      expect((await jobCall(job.id, 'exportJobFile', tokenA)).status).toBe(404);
      const outside = await routes.exports(
        request(
          { path: 'exports', token: tokenA },
          {
            method: 'POST',
            body: JSON.stringify({ kind: 'notice', period: '2026Q4', format: 'xlsx', agencyId: ids.city }),
            headers: { 'content-type': 'application/json' },
          },
        ),
      );
      expect(outside.status).toBe(404);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('cursor pagination', () => {
  it('is complete and stable: every row once, in id order, and rows added meanwhile come at the end', async () => {
    const first = await get('accounts', { path: 'accounts', token: tokenA, query: { limit: '3' } });
    const added = await createTestAccount(t.db, ids.countyA, { displayName: '甲县新号' });
    const rest = await walk('accounts', {
      path: 'accounts',
      token: tokenA,
      query: { limit: '3', cursor: first.body.nextCursor ?? '' },
    });
    const seen = [...(first.body.items ?? []), ...rest.flat()].map((a) => String(a.id));
    const expected = (
      await t.db.account.findMany({ where: { agencyId: ids.countyA }, orderBy: { id: 'asc' }, select: { id: true } })
    ).map((a) => a.id);
    expect(seen).toEqual(expected);
    expect(seen.at(-1)).toBe(added.id);
    expect(new Set(seen).size).toBe(seen.length);
    // The same cursor gives the same page again.
    const again = await get('accounts', {
      path: 'accounts',
      token: tokenA,
      query: { limit: '3', cursor: first.body.nextCursor ?? '' },
    });
    expect(again.body.items?.map((a) => a.id)).toEqual(rest[0]?.map((a) => a.id));
  });

  it('walks the findings queue in its order (vetoes first, newest first, id tie-break) without gaps', async () => {
    const seen = (await walk('findings', { path: 'findings', token: tokenA })).flat().map((f) => f.id);
    const expected = await t.db.finding.findMany({
      where: { accountId: { in: accountsA } },
      orderBy: [{ isVeto: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((f) => f.id));
  });
});

describe('the session cookie and the audit', () => {
  it('lets a signed-in dashboard user call the API with the same scope, and refuses a signed-out one', async () => {
    session.access = accessA;
    try {
      const r = await get('agencies', { path: 'agencies' });
      expect([r.status, r.body.items?.map((a) => a.id)]).toEqual([200, [ids.countyA]]);
    } finally {
      session.access = null;
    }
    const anonymous = await get('agencies', { path: 'agencies' });
    expect([anonymous.status, (anonymous.body.error as { code: string }).code]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('writes one audit row per call, with the token, the path and the status', async () => {
    const countBefore = await t.db.auditLog.count({ where: { action: 'api.call' } });
    await get('alerts', { path: 'alerts', token: tokenA, query: { kind: 'STALE' } });
    await get('alerts', { path: 'alerts', token: tokenA, query: { kind: 'NOPE' } });
    const rows = await t.db.auditLog.findMany({ where: { action: 'api.call' }, orderBy: { at: 'desc' }, take: 2 });
    expect(await t.db.auditLog.count({ where: { action: 'api.call' } })).toBe(countBefore + 2);
    const token = await t.db.apiToken.findFirstOrThrow({ where: { userId: users.a, name: '甲县值班系统' } });
    expect(
      rows
        .map((r) => [
          r.actorId,
          r.entityType,
          r.entityId,
          (r.after as { status: number; path: string }).status,
          (r.after as { path: string }).path,
        ])
        .reverse(),
    ).toEqual([
      [users.a, 'api_token', token.id, 200, '/api/v1/alerts'],
      [users.a, 'api_token', token.id, 400, '/api/v1/alerts'],
    ]);
  });
});
