import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/*
 * Platform credentials are sealed with AES-256-GCM under a 32-byte key from CREDENTIALS_KEY.
 * Rotation: each sealed row stores the id (fingerprint) of the key that sealed it; CREDENTIALS_KEY_PREVIOUS
 * (comma-separated) keeps older keys available for decryption only. New and replaced secrets always use
 * the current key, so once every row has been re-saved the previous keys can be dropped.
 */

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CredentialKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialKeyError';
  }
}

/** Decryption failed: wrong key, unknown key id or tampered data. Never carries the plaintext. */
export class CredentialDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CredentialDecryptError';
  }
}

export type CredentialKey = { id: string; bytes: Buffer };
export type CredentialKeyRing = { current: CredentialKey; previous: CredentialKey[] };
export type SealedSecret = { ciphertext: Uint8Array; iv: Uint8Array; authTag: Uint8Array; keyId: string };

const HEX_KEY = /^[0-9a-fA-F]{64}$/;
const BASE64_KEY = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** A 32-byte key written as 64 hex digits or as base64 (standard or URL-safe). */
export const credentialKeySchema = z
  .string()
  .trim()
  .min(1, 'is empty')
  .transform((value, ctx) => {
    const bytes = HEX_KEY.test(value)
      ? Buffer.from(value, 'hex')
      : BASE64_KEY.test(value)
        ? Buffer.from(value, 'base64')
        : null;
    if (!bytes || bytes.length !== KEY_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `must be ${KEY_BYTES} bytes as 64 hex digits or base64 (got ${bytes ? `${bytes.length} bytes` : 'neither hex nor base64'}); generate one with \`openssl rand -base64 32\``,
      });
      return z.NEVER;
    }
    return bytes;
  });

export const credentialKeyId = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const toKey = (bytes: Buffer): CredentialKey => ({ id: credentialKeyId(bytes), bytes });

function parseKey(name: string, value: string): CredentialKey {
  const parsed = credentialKeySchema.safeParse(value);
  if (!parsed.success) throw new CredentialKeyError(`${name} ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return toKey(parsed.data);
}

/** Reads CREDENTIALS_KEY (required) and CREDENTIALS_KEY_PREVIOUS (optional, comma-separated). */
export function loadCredentialKeyRing(env: Record<string, string | undefined> = process.env): CredentialKeyRing {
  const current = env.CREDENTIALS_KEY?.trim();
  if (!current)
    throw new CredentialKeyError(
      'CREDENTIALS_KEY is not set: platform credentials cannot be encrypted or decrypted (generate one with `openssl rand -base64 32`)',
    );
  const previous = (env.CREDENTIALS_KEY_PREVIOUS ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return {
    current: parseKey('CREDENTIALS_KEY', current),
    previous: previous.map((v, i) => parseKey(`CREDENTIALS_KEY_PREVIOUS[${i}]`, v)),
  };
}

export const generateCredentialKey = (): string => randomBytes(KEY_BYTES).toString('base64');

/** Encrypts `value` as JSON under the current key; `context` (e.g. the credential kind) is authenticated, not stored. */
export function sealJson(ring: CredentialKeyRing, value: unknown, context: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', ring.current.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: ring.current.id };
}

/** Decrypts with the key the row names; a missing key, wrong context or any altered byte throws CredentialDecryptError. */
export function openJson(ring: CredentialKeyRing, sealed: SealedSecret, context: string): unknown {
  const key = [ring.current, ...ring.previous].find((k) => k.id === sealed.keyId);
  if (!key)
    throw new CredentialDecryptError(
      `sealed with key ${sealed.keyId}, which is neither CREDENTIALS_KEY nor in CREDENTIALS_KEY_PREVIOUS`,
    );
  if (sealed.iv.length !== IV_BYTES || sealed.authTag.length !== TAG_BYTES)
    throw new CredentialDecryptError('malformed iv or auth tag');
  let plaintext: string;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    plaintext = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new CredentialDecryptError('authentication failed: wrong key or tampered data');
  }
  try {
    return JSON.parse(plaintext) as unknown;
  } catch {
    throw new CredentialDecryptError('decrypted data is not JSON');
  }
}
