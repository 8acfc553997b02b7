import { parseArgs } from 'node:util';
import { z } from 'zod';
import { findAccountByHandle } from '@/lib/data/accounts';
import { addCredential, attachCredential, listCredentials } from '@/lib/services/manage-credentials';
import { CREDENTIAL_KINDS, credentialKindSchema, type CredentialKind } from '@/lib/schemas/credential';
import { platformCodeSchema } from '@/lib/schemas/enums';
import type { Db, PrismaClient } from '@/lib/db/types';
import { operatorAccess } from './operator';
import type { CliCommand, CliIo } from './types';

// Secrets never come from argv (shell history, `ps`): they are read from environment variables or, with --stdin,
// from a JSON object on standard input. `list` shows only the masked hint the admin pages show.

export const SECRET_ENV = {
  cookie: 'XUNJIAN_CREDENTIAL_COOKIE',
  token: 'XUNJIAN_CREDENTIAL_TOKEN',
  appSecret: 'XUNJIAN_CREDENTIAL_APP_SECRET',
} as const;
const FIELDS: Record<CredentialKind, ReadonlyArray<keyof typeof SECRET_ENV>> = {
  WEIBO_COOKIE: ['cookie'],
  WECHAT_OFFICIAL_API: ['appSecret'],
  WECHAT_MP_BACKEND: ['cookie', 'token'],
};
const SECRET_FLAGS = /^--(cookie|token|secret|app-secret|appsecret|password)(=|$)/i;

export type SecretSource = { env: Record<string, string | undefined>; readStdin: () => Promise<string> };
const defaultSource: SecretSource = {
  env: process.env,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString('utf8');
  },
};

async function readSecrets(
  kind: CredentialKind,
  fromStdin: boolean,
  source: SecretSource,
): Promise<Record<string, string> | string> {
  const fields = FIELDS[kind];
  let values: Record<string, unknown>;
  if (fromStdin) {
    const parsed = z.record(z.string(), z.unknown()).safeParse(safeJson(await source.readStdin()));
    if (!parsed.success)
      return `--stdin expects a JSON object such as {${fields.map((f) => `"${f}": "…"`).join(', ')}}.`;
    values = parsed.data;
  } else values = Object.fromEntries(fields.map((f) => [f, source.env[SECRET_ENV[f]]]));
  const missing = fields.filter((f) => typeof values[f] !== 'string' || (values[f] as string).trim() === '');
  if (missing.length > 0) {
    return fromStdin
      ? `The JSON on standard input lacks ${missing.join(' and ')}.`
      : `Set ${missing.map((f) => SECRET_ENV[f]).join(' and ')} in the environment (or pipe a JSON object with --stdin); secrets are never taken from the command line.`;
  }
  return Object.fromEntries(fields.map((f) => [f, String(values[f])]));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function refuseSecretFlags(args: string[], err: CliIo['err']): boolean {
  const flag = args.find((a) => SECRET_FLAGS.test(a));
  if (flag)
    err(
      `${flag.split('=')[0]} is refused: secrets are never taken from the command line. Use ${Object.values(SECRET_ENV).join(', ')} or --stdin.`,
    );
  return Boolean(flag);
}

export function credentialsAddCommand(source: SecretSource = defaultSource): CliCommand {
  return {
    usage: `--as <admin email> --kind ${CREDENTIAL_KINDS.join('|')} --label <label> [--app-id wx…] [--expires <date>] [--stdin]   (secrets from ${Object.values(SECRET_ENV).join(', ')} or --stdin JSON)`,
    async run(args, { db, out, err }) {
      if (refuseSecretFlags(args, err)) return 2;
      const { values } = parseArgs({
        args,
        options: {
          as: { type: 'string' },
          kind: { type: 'string' },
          label: { type: 'string' },
          'app-id': { type: 'string' },
          expires: { type: 'string' },
          stdin: { type: 'boolean', default: false },
        },
      });
      const kind = credentialKindSchema.safeParse(values.kind?.toUpperCase());
      if (!kind.success || !values.label) {
        err(`Usage: credentials add ${this.usage}`);
        return 2;
      }
      if (kind.data === 'WECHAT_OFFICIAL_API' && !values['app-id']) {
        err(
          'A WECHAT_OFFICIAL_API credential needs --app-id wx… (the AppID is public; the AppSecret comes from the environment or --stdin).',
        );
        return 2;
      }
      const access = await operatorAccess(db, values.as);
      if (typeof access === 'string') {
        err(access);
        return 1;
      }
      const secrets = await readSecrets(kind.data, values.stdin, source);
      if (typeof secrets === 'string') {
        err(secrets);
        return 2;
      }
      const payload = {
        kind: kind.data,
        ...secrets,
        ...(kind.data === 'WECHAT_OFFICIAL_API' ? { appId: values['app-id'] } : {}),
      };
      const row = await addCredential({
        access,
        db,
        input: { label: values.label, expiresAt: values.expires ?? null, payload },
      });
      out(
        `Added credential ${row.id} (${kind.data}, "${values.label}"). Attach it: npm run xunjian -- credentials attach ${row.id} --account <PLATFORM:handle> --as ${access.email}`,
      );
      return 0;
    },
  };
}

async function findCredentialId(
  db: PrismaClient,
  access: Parameters<typeof listCredentials>[0]['access'],
  ref: string,
): Promise<string | { error: string }> {
  const all = await listCredentials({ access, db });
  const byId = all.find((c) => c.id === ref);
  if (byId) return byId.id;
  const byLabel = all.filter((c) => c.label === ref);
  if (byLabel.length === 1 && byLabel[0]) return byLabel[0].id;
  return {
    error:
      byLabel.length > 1
        ? `${byLabel.length} credentials are labelled "${ref}": use the id (credentials list).`
        : `No credential has the id or label "${ref}" (credentials list).`,
  };
}

async function findAccountId(db: Db, ref: string): Promise<string | { error: string }> {
  const sep = ref.indexOf(':');
  const platform = platformCodeSchema.safeParse(ref.slice(0, sep).toUpperCase());
  if (sep < 1 || !platform.success)
    return { error: `--account takes PLATFORM:handle, e.g. WECHAT:gh_0a1b2c3d4e5f (got "${ref}").` };
  const account = await findAccountByHandle(db, platform.data, ref.slice(sep + 1));
  return account ? account.id : { error: `No ${platform.data} account has the handle ${ref.slice(sep + 1)}.` };
}

export const credentialsAttachCommand: CliCommand = {
  usage:
    '<credential id|label> --account <PLATFORM:handle> [--account …] --as <admin email>   (or --detach --account …)',
  async run(args, { db, out, err }) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        account: { type: 'string', multiple: true },
        detach: { type: 'boolean', default: false },
      },
    });
    const ref = positionals[0];
    const accounts = values.account ?? [];
    if ((!ref && !values.detach) || accounts.length === 0) {
      err(`Usage: credentials attach ${this.usage}`);
      return 2;
    }
    const access = await operatorAccess(db, values.as);
    if (typeof access === 'string') {
      err(access);
      return 1;
    }
    const credentialId = values.detach ? null : await findCredentialId(db, access, ref ?? '');
    if (credentialId && typeof credentialId === 'object') {
      err(credentialId.error);
      return 1;
    }
    // Resolve every account before changing any, so a typo in the third leaves the first two untouched.
    const accountIds: string[] = [];
    for (const a of accounts) {
      const id = await findAccountId(db, a);
      if (typeof id === 'object') {
        err(`${id.error} Nothing was attached.`);
        return 1;
      }
      accountIds.push(id);
    }
    for (const [i, accountId] of accountIds.entries()) {
      await attachCredential({ access, db, input: { accountId, credentialId } });
      out(`${credentialId ? 'Attached' : 'Detached'}: ${accounts[i]}`);
    }
    return 0;
  },
};

export const credentialsListCommand: CliCommand = {
  usage: '--as <admin email> [--platform <code>]   (masked hints only, never secrets)',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({ args, options: { as: { type: 'string' }, platform: { type: 'string' } } });
    const access = await operatorAccess(db, values.as);
    if (typeof access === 'string') {
      err(access);
      return 1;
    }
    const rows = await listCredentials({ access, db, platformCode: values.platform?.toUpperCase() });
    out(`${rows.length} credential(s)`);
    for (const c of rows) {
      out(
        [
          c.id,
          c.platformCode,
          c.kind,
          `"${c.label}"`,
          c.secretHint,
          `${c.accounts} account(s)`,
          c.expiresAt ? `expires ${c.expiresAt.slice(0, 10)}` : null,
          c.lastUsedAt ? `last used ${c.lastUsedAt}` : 'never used',
          c.lastError ? `last error: ${c.lastError}` : null,
        ]
          .filter(Boolean)
          .join('  '),
      );
    }
    return 0;
  },
};
