// GET /api/exports/assessment-zip (the assessment page's ZIP link) for a tree above ZIP_UNIT_LIMITS: a browser is sent
// to the exports page with the ZIP filled in, to run as an export job; an API caller gets the 400; a small tree still
// downloads in the request. Route handler called with real Requests against a real database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Access } from '@/lib/access';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { ZIP_UNIT_LIMITS } from '@/lib/services/export-assessment-zip';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

vi.mock('server-only', () => ({}));
const session = vi.hoisted(() => ({ access: null as Access | null }));
vi.mock('@/lib/auth/session', () => ({
  requireAccess: async () => {
    if (!session.access) throw new Error('no session in this test');
    return session.access;
  },
}));

const { GET } = await import('@/app/api/exports/assessment-zip/route');

let t: TestDatabase;
const ids = { province: '', county: '' };

beforeAll(async () => {
  t = await createTestDatabase();
  (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')] = t.db;
  await ensureScoringConfig(t.db);
  ids.province = (await createTestAgency(t.db, { name: '江川省' })).id;
  // One city with more counties than a PDF ZIP may hold in one request.
  const city = await createTestAgency(t.db, { name: '江川市', parentId: ids.province, level: 'CITY' });
  for (let i = 0; i < ZIP_UNIT_LIMITS.pdf; i++) {
    const county = await createTestAgency(t.db, { name: `第${i + 1}县`, parentId: city.id, level: 'COUNTY' });
    if (i === 0) ids.county = county.id;
  }
  session.access = {
    userId: 'auditor',
    name: '审计员',
    email: 'auditor@test.local',
    locale: 'zh-CN',
    grants: [{ role: 'AUDITOR', agencyId: ids.province, agencyName: '江川省' }],
  };
}, 120_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')];
  await t?.drop();
});

const zip = (agencyId: string, format: string, accept: string) =>
  GET(
    new Request(`http://localhost/api/exports/assessment-zip?agencyId=${agencyId}&year=2026&format=${format}`, {
      headers: { accept, 'accept-language': 'en' },
    }),
  );

describe('the assessment ZIP link', () => {
  it('sends a browser to the exports page with the ZIP filled in when the tree is too large for one request', async () => {
    const response = await zip(ids.province, 'pdf', 'text/html,application/xhtml+xml');
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location') ?? '', 'http://localhost');
    expect(location.pathname).toBe('/exports');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      kind: 'assessment-zip',
      period: '2026',
      agencyId: ids.province,
      format: 'pdf',
    });
  });

  it('answers an API caller with the 400 saying how to get it, and serves a small tree at once', async () => {
    const refused = await zip(ids.province, 'pdf', 'application/json');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.message).toContain('in the background on the exports page');

    const small = await zip(ids.county, 'xlsx', 'text/html');
    expect([small.status, small.headers.get('content-type')]).toEqual([200, 'application/zip']);
  });
});
