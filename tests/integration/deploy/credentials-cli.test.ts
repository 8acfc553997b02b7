import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  credentialsAddCommand,
  credentialsAttachCommand,
  credentialsListCommand,
  type SecretSource,
} from '@/scripts/cli/credentials';
import type { CliCommand } from '@/scripts/cli/types';
import { createUser } from '@/lib/services/create-user';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { createTestAccount, createTestAgency } from '../../helpers/factories';

let t: TestDatabase;
let accountHandle: string;
const ADMIN = 'root-admin@example.test';
const COOKIE = `SUB=${randomBytes(24).toString('hex')}`;
const previousKey = process.env.CREDENTIALS_KEY;

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.CREDENTIALS_KEY = randomBytes(32).toString('base64');
  const root = await createTestAgency(t.db);
  await createUser({
    db: t.db,
    actorId: null,
    input: {
      name: '管理员',
      email: ADMIN,
      password: 'long-enough-password',
      grants: [{ role: 'ADMIN', agencyId: root.id }],
    },
  });
  await createUser({
    db: t.db,
    actorId: null,
    input: {
      name: '监管',
      email: 'supervisor@example.test',
      password: 'long-enough-password',
      grants: [{ role: 'SUPERVISOR', agencyId: root.id }],
    },
  });
  accountHandle = (
    await createTestAccount(t.db, root.id, { platformCode: 'WECHAT', handle: `gh_${randomBytes(6).toString('hex')}` })
  ).handle;
});
afterAll(async () => {
  process.env.CREDENTIALS_KEY = previousKey;
  await t.drop();
});

async function run(command: CliCommand, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { db: t.db, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const source = (env: Record<string, string>, stdin = ''): SecretSource => ({ env, readStdin: async () => stdin });

describe('credentials CLI', () => {
  it('never takes a secret from argv, and says where to put it instead; nothing is stored', async () => {
    const add = credentialsAddCommand(source({}));
    const argv = await run(add, [
      '--as',
      ADMIN,
      '--kind',
      'WEIBO_COOKIE',
      '--label',
      '微博 Cookie',
      `--cookie=${COOKIE}`,
    ]);
    expect(argv).toMatchObject({
      code: 2,
      err: expect.stringContaining('--cookie is refused: secrets are never taken from the command line'),
    });
    expect(argv.err).not.toContain(COOKIE);
    const noEnv = await run(add, ['--as', ADMIN, '--kind', 'WEIBO_COOKIE', '--label', '微博 Cookie']);
    expect(noEnv).toMatchObject({
      code: 2,
      err: 'Set XUNJIAN_CREDENTIAL_COOKIE in the environment (or pipe a JSON object with --stdin); secrets are never taken from the command line.',
    });
    const notAdmin = await run(credentialsAddCommand(source({ XUNJIAN_CREDENTIAL_COOKIE: COOKIE })), [
      '--as',
      'supervisor@example.test',
      '--kind',
      'WEIBO_COOKIE',
      '--label',
      '微博 Cookie',
    ]);
    expect(notAdmin).toMatchObject({
      code: 1,
      err: 'supervisor@example.test is not an administrator; only administrators manage credentials.',
    });
    expect(await t.db.platformCredential.count()).toBe(0);
  });

  it('adds from --stdin JSON, attaches all named accounts or none, and lists masked hints only', async () => {
    const token = '1234567890';
    const added = await run(credentialsAddCommand(source({}, JSON.stringify({ cookie: COOKIE, token }))), [
      '--as',
      ADMIN,
      '--kind',
      'wechat_mp_backend',
      '--label',
      '公众号后台',
      '--stdin',
    ]);
    expect(added.code, added.err).toBe(0);
    const id = /Added credential ([0-9a-f-]{36})/.exec(added.out)?.[1];
    expect(id).toBeDefined();

    const partly = await run(credentialsAttachCommand, [
      '公众号后台',
      '--account',
      `WECHAT:${accountHandle}`,
      '--account',
      'WECHAT:gh_nobody',
      '--as',
      ADMIN,
    ]);
    expect(partly).toMatchObject({ code: 1, err: 'No WECHAT account has the handle gh_nobody. Nothing was attached.' });
    expect((await t.db.account.findFirstOrThrow({ where: { handle: accountHandle } })).credentialId).toBeNull();

    const attached = await run(credentialsAttachCommand, [
      String(id),
      '--account',
      `wechat:${accountHandle}`,
      '--as',
      ADMIN,
    ]);
    expect(attached.code, attached.err).toBe(0);
    expect((await t.db.account.findFirstOrThrow({ where: { handle: accountHandle } })).credentialId).toBe(id);
    expect(await t.db.auditLog.count({ where: { action: 'account.attach-credential' } })).toBe(1);

    const listed = await run(credentialsListCommand, ['--as', ADMIN]);
    expect(listed.out).toContain(
      `${id}  WECHAT  WECHAT_MP_BACKEND  "公众号后台"  cookie ${COOKIE.length} chars · token …7890  1 account(s)  never used`,
    );
    expect(listed.out).not.toContain(COOKIE);
    expect(listed.out).not.toContain(token);
  });
});
