import type { Db } from '@/lib/db/types';
import { countCredentials, findStoredCredential, markCredentialUsed, setCredentialError } from '@/lib/data/credentials';
import { credentialPayloadSchema, type CredentialPayload } from '@/lib/schemas/credential';
import {
  CredentialDecryptError,
  CredentialKeyError,
  loadCredentialKeyRing,
  openJson,
  type CredentialKeyRing,
} from '@/lib/security/credentials';

/** A credential the crawl cannot use; `kind` makes the crawl job store the failure as an AUTH error. */
export class CredentialUnavailableError extends Error {
  readonly kind = 'AUTH';
  constructor(message: string) {
    super(message);
    this.name = 'CredentialUnavailableError';
  }
}

type CrawlOutcome = { ok: true } | { ok: false; kind: string };
export type CredentialResolver = {
  resolve: (credentialId: string) => Promise<CredentialPayload>;
  report: (credentialId: string, outcome: CrawlOutcome) => Promise<void>;
};

const REFUSED_KINDS = new Set(['AUTH', 'LOGIN_WALL']);

/**
 * Decrypts an account's credential for one crawl and keeps lastUsedAt/lastError current. Errors name the cause
 * (missing key, expired, wrong key, tampered) and never the secret. The key ring is read on first use, so a
 * worker without CREDENTIALS_KEY still crawls every account that has no credential.
 */
export function createCredentialResolver({
  db,
  keys,
  clock = () => new Date(),
}: {
  db: Db;
  keys?: () => CredentialKeyRing;
  clock?: () => Date;
}): CredentialResolver {
  let ring: CredentialKeyRing | null = null;
  const fail = async (id: string, message: string): Promise<never> => {
    await setCredentialError(db, id, message);
    throw new CredentialUnavailableError(`credential ${id}: ${message}`);
  };
  return {
    async resolve(credentialId) {
      const stored = await findStoredCredential(db, credentialId);
      if (!stored) throw new CredentialUnavailableError(`credential ${credentialId} not found`);
      const now = clock();
      if (stored.expiresAt && stored.expiresAt <= now)
        return fail(stored.id, `expired at ${stored.expiresAt.toISOString()}`);
      let plaintext: unknown;
      try {
        ring ??= (keys ?? (() => loadCredentialKeyRing()))();
        plaintext = openJson(ring, stored, stored.kind);
      } catch (error) {
        if (error instanceof CredentialKeyError || error instanceof CredentialDecryptError)
          return fail(stored.id, error.message);
        throw error;
      }
      const payload = credentialPayloadSchema.safeParse(plaintext);
      if (!payload.success || payload.data.kind !== stored.kind)
        return fail(stored.id, `decrypted payload does not match kind ${stored.kind}`);
      await markCredentialUsed(db, stored.id, now);
      return payload.data;
    },
    async report(credentialId, outcome) {
      if (!outcome.ok && REFUSED_KINDS.has(outcome.kind))
        await setCredentialError(
          db,
          credentialId,
          `platform refused the credential (${outcome.kind}) at ${clock().toISOString()}`,
        );
    },
  };
}

/**
 * Worker start-up check: a malformed key always stops the worker; a missing key stops it in production when
 * credentials are stored (they could not be used), elsewhere those crawls fail as AUTH with a clear lastError.
 */
export async function checkCredentialKey({
  db,
  env = process.env,
}: {
  db: Db;
  env?: Record<string, string | undefined>;
}): Promise<'OK' | 'NO_KEY'> {
  if (env.CREDENTIALS_KEY?.trim()) {
    loadCredentialKeyRing(env);
    return 'OK';
  }
  if (env.NODE_ENV === 'production' && (await countCredentials(db)) > 0) loadCredentialKeyRing(env);
  return 'NO_KEY';
}
