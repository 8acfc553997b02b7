import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Access } from '@/lib/access';
import { ensureScoringConfig } from '@/lib/services/ensure-scoring-config';
import { addLexiconTerm, listLexicons } from '@/lib/services/manage-lexicons';
import { setRequestIpResolver } from '@/lib/security/request-ip-context';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

// Issue 13 item 11: audit_log.ip was empty in every row. The request's headers as Next.js would give them.
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

let t: TestDatabase;
let admin: Access;
let lexiconId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureScoringConfig(t.db);
  const root = await createTestAgency(t.db);
  admin = {
    userId: 'admin-ip',
    name: 'a',
    email: 'a@x',
    locale: 'zh-CN',
    grants: [{ role: 'ADMIN', agencyId: root.id, agencyName: '' }],
  };
  lexiconId = (await listLexicons({ db: t.db })).find((l) => l.code === 'prohibited')?.id ?? '';
  process.env.XUNJIAN_CLIENT_IP_HEADER = 'x-decided-ip-test';
  await import('@/lib/auth/request-ip');
});
afterAll(async () => {
  setRequestIpResolver(undefined);
  await t.drop();
});

const lastIp = async (term: string) =>
  (
    await t.db.auditLog.findFirstOrThrow({
      where: { action: 'lexicon.add-term', after: { path: ['term'], equals: term } },
    })
  ).ip;

describe('audit rows carry the client address', () => {
  it('the address serve.mjs decided is written with the change', async () => {
    requestHeaders = new Headers({ 'x-decided-ip-test': '198.51.100.23', 'x-forwarded-for': '10.0.0.1' });
    await addLexiconTerm({ access: admin, input: { lexiconId, term: '审计地址甲' }, db: t.db });
    expect(await lastIp('审计地址甲')).toBe('198.51.100.23');
  });
  it('a client-sent X-Forwarded-For alone is not an address', async () => {
    requestHeaders = new Headers({ 'x-forwarded-for': '127.0.0.1' });
    await addLexiconTerm({ access: admin, input: { lexiconId, term: '审计地址乙' }, db: t.db });
    expect(await lastIp('审计地址乙')).toBeNull();
  });
  it('outside a request (jobs, scripts) the row has no address rather than failing', async () => {
    setRequestIpResolver(async () => {
      throw new Error('headers() was called outside a request scope');
    });
    await addLexiconTerm({ access: admin, input: { lexiconId, term: '审计地址丙' }, db: t.db });
    expect(await lastIp('审计地址丙')).toBeNull();
  });
});
