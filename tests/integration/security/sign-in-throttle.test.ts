import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAuth } from '@/lib/auth/auth';
import { FREE_SIGNIN_ATTEMPTS } from '@/lib/auth/sign-in-guard';
import { createUser } from '@/lib/services/create-user';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAgency } from '../../helpers/factories';

// Issue 13 items 7 and 8, against better-auth's real handler and a real database.
const BASE = 'http://127.0.0.1:3999';
const IP_HEADER = 'x-test-decided-client-ip';
const PASSWORD = 'Correct-Horse-Battery-9';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  (globalThis as Record<symbol, unknown>)[Symbol.for('xunjian.prisma')] = t.db;
  process.env.BETTER_AUTH_URL = BASE;
  process.env.XUNJIAN_CLIENT_IP_HEADER = IP_HEADER;
  const root = await createTestAgency(t.db);
  for (const email of ['active@example.test', 'victim@example.test', 'gone@example.test', 'renamer@example.test']) {
    await createUser({
      db: t.db,
      actorId: null,
      input: { name: email, email, password: PASSWORD, grants: [{ role: 'AUDITOR', agencyId: root.id }] },
    });
  }
  await t.db.user.update({ where: { email: 'gone@example.test' }, data: { isActive: false } });
});
afterAll(async () => t.drop());

function signIn(email: unknown, password: string, headers: Record<string, string> = {}) {
  return getAuth().handler(
    new Request(`${BASE}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE, ...headers },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe('sign-in throttling', () => {
  it('refuses a 1 MB, a NUL and a malformed email with a 400 before writing any throttle row', async () => {
    const before = await t.db.rateLimit.count({ where: { key: { startsWith: 'signin:' } } });
    for (const email of ['a'.repeat(1024 * 1024) + '@example.test', 'nul\u0000@example.test', 'not-an-email', 42]) {
      expect((await signIn(email, 'whatever-password')).status).toBe(400);
    }
    expect(await t.db.rateLimit.count({ where: { key: { startsWith: 'signin:' } } })).toBe(before);
  });

  it('a stranger guessing from one address slows only that address: the owner still signs in from theirs', async () => {
    const attacker = { [IP_HEADER]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1' };
    const statuses: number[] = [];
    for (let i = 0; i < FREE_SIGNIN_ATTEMPTS + 3; i += 1)
      statuses.push((await signIn('victim@example.test', 'wrong-password-x', attacker)).status);
    expect(statuses.slice(0, FREE_SIGNIN_ATTEMPTS)).toEqual(Array(FREE_SIGNIN_ATTEMPTS).fill(401));
    const delayed = await signIn('victim@example.test', PASSWORD, attacker);
    expect(delayed.status).toBe(429);
    expect(Number(delayed.headers.get('retry-after'))).toBeGreaterThan(0);
    // The owner, from another address, is not locked out; a forged X-Forwarded-For naming the attacker's address
    // does not matter either, only the decided address does.
    const owner = await signIn('victim@example.test', PASSWORD, {
      [IP_HEADER]: '192.0.2.10',
      'x-forwarded-for': '203.0.113.7',
    });
    expect(owner.status).toBe(200);
  });

  it('the per-address limit keys on the decided address, not on a client-sent X-Forwarded-For', async () => {
    const limit = Number(process.env.AUTH_SIGNIN_PER_MINUTE ?? 10);
    let last = 0;
    // Rotating X-Forwarded-For from one decided address does not buy more attempts.
    for (let i = 0; i <= limit; i += 1)
      last = (
        await signIn(`nobody${i}@example.test`, 'wrong-password-x', {
          [IP_HEADER]: '203.0.113.99',
          'x-forwarded-for': `10.0.0.${i}`,
        })
      ).status;
    expect(last).toBe(429);
  });

  it('a deactivated account answers exactly like a wrong password, after the same hash verification', async () => {
    const ip = { [IP_HEADER]: '192.0.2.55' };
    const time = async (email: string, password: string) => {
      const started = performance.now();
      const res = await signIn(email, password, ip);
      return { ms: performance.now() - started, status: res.status, body: (await res.json()) as unknown };
    };
    await time('active@example.test', 'warm-up-password'); // first call pays for lazy initialisation
    const wrong: number[] = [];
    const gone: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const w = await time('active@example.test', `wrong-password-${i}`);
      const d = await time('gone@example.test', PASSWORD);
      expect(d.status).toBe(w.status);
      expect(d.body).toEqual(w.body);
      wrong.push(w.ms);
      gone.push(d.ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1] ?? 0;
    // The refusal used to take a fraction of the wrong-password time (15 ms vs ~185 ms): no hash was checked.
    expect(median(gone)).toBeGreaterThan(median(wrong) * 0.5);
  });
});

describe('self-service profile edits', () => {
  it('POST /api/auth/update-user is disabled: a signed-in user cannot rename themselves unaudited', async () => {
    const res = await signIn('renamer@example.test', PASSWORD, { [IP_HEADER]: '192.0.2.77' });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const update = await getAuth().handler(
      new Request(`${BASE}/api/auth/update-user`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: BASE, cookie },
        body: JSON.stringify({ name: '冒名' }),
      }),
    );
    expect(update.status).toBe(404);
    expect((await t.db.user.findUniqueOrThrow({ where: { email: 'renamer@example.test' } })).name).toBe(
      'renamer@example.test',
    );
  });

  it('a user changing their own password meets the same policy (nine spaces and a letter refused)', async () => {
    const res = await signIn('renamer@example.test', PASSWORD, { [IP_HEADER]: '192.0.2.78' });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const change = (newPassword: string) =>
      getAuth().handler(
        new Request(`${BASE}/api/auth/change-password`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: BASE, cookie },
          body: JSON.stringify({ currentPassword: PASSWORD, newPassword }),
        }),
      );
    for (const weak of [`${' '.repeat(9)}a`, 'password1234', `${' '.repeat(11)}a`])
      expect((await change(weak)).status).toBe(400);
    expect((await signIn('renamer@example.test', PASSWORD, { [IP_HEADER]: '192.0.2.79' })).status).toBe(200);
  });
});
