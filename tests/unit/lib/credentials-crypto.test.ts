import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { credentialPayloadSchema, maskCredential } from '@/lib/schemas/credential';
import {
  CredentialDecryptError,
  CredentialKeyError,
  credentialKeyId,
  generateCredentialKey,
  loadCredentialKeyRing,
  openJson,
  sealJson,
} from '@/lib/security/credentials';

const hexKey = randomBytes(32).toString('hex');
const b64Key = generateCredentialKey();
const payload = { kind: 'WEIBO_COOKIE', cookie: 'SUB=_2A25Lsecretcookievalue1234; SUBP=0033WrSXqPxfM725' };

describe('credential encryption (AES-256-GCM)', () => {
  it('round-trips JSON and never leaves the plaintext in the sealed bytes', () => {
    const ring = loadCredentialKeyRing({ CREDENTIALS_KEY: b64Key });
    const sealed = sealJson(ring, payload, 'WEIBO_COOKIE');
    expect(Buffer.from(sealed.ciphertext).toString('utf8')).not.toContain('secretcookie');
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.authTag).toHaveLength(16);
    expect(sealed.keyId).toBe(credentialKeyId(Buffer.from(b64Key, 'base64')));
    expect(openJson(ring, sealed, 'WEIBO_COOKIE')).toEqual(payload);
    const again = sealJson(ring, payload, 'WEIBO_COOKIE');
    expect(Buffer.from(again.iv).equals(Buffer.from(sealed.iv))).toBe(false);
  });

  it('accepts hex and base64 keys of 32 bytes, refuses missing or wrong-length keys with a clear message', () => {
    expect(loadCredentialKeyRing({ CREDENTIALS_KEY: hexKey }).current.bytes).toHaveLength(32);
    expect(
      loadCredentialKeyRing({ CREDENTIALS_KEY: randomBytes(32).toString('base64url') }).current.bytes,
    ).toHaveLength(32);
    expect(() => loadCredentialKeyRing({})).toThrow(/CREDENTIALS_KEY is not set/);
    expect(() => loadCredentialKeyRing({ CREDENTIALS_KEY: '  ' })).toThrow(CredentialKeyError);
    expect(() => loadCredentialKeyRing({ CREDENTIALS_KEY: randomBytes(16).toString('base64') })).toThrow(
      /must be 32 bytes .*got 16 bytes/,
    );
    expect(() => loadCredentialKeyRing({ CREDENTIALS_KEY: 'not a key!' })).toThrow(/neither hex nor base64/);
    expect(() => loadCredentialKeyRing({ CREDENTIALS_KEY: b64Key, CREDENTIALS_KEY_PREVIOUS: 'abcd' })).toThrow(
      /CREDENTIALS_KEY_PREVIOUS\[0\]/,
    );
  });

  it('detects tampering with the ciphertext, iv, tag or context', () => {
    const ring = loadCredentialKeyRing({ CREDENTIALS_KEY: hexKey });
    const sealed = sealJson(ring, payload, 'WEIBO_COOKIE');
    const flip = (b: Uint8Array, i = 0) => {
      const c = Buffer.from(b);
      c[i] = (c[i] ?? 0) ^ 1;
      return c;
    };
    expect(() => openJson(ring, { ...sealed, ciphertext: flip(sealed.ciphertext, 5) }, 'WEIBO_COOKIE')).toThrow(
      CredentialDecryptError,
    );
    expect(() => openJson(ring, { ...sealed, iv: flip(sealed.iv) }, 'WEIBO_COOKIE')).toThrow(/authentication failed/);
    expect(() => openJson(ring, { ...sealed, authTag: flip(sealed.authTag, 15) }, 'WEIBO_COOKIE')).toThrow(
      /authentication failed/,
    );
    expect(() => openJson(ring, sealed, 'WECHAT_MP_BACKEND')).toThrow(/authentication failed/);
    expect(() => openJson(ring, { ...sealed, authTag: sealed.authTag.slice(0, 8) }, 'WEIBO_COOKIE')).toThrow(
      /malformed/,
    );
  });

  it('refuses a wrong key, even one claiming the right key id, without revealing the plaintext', () => {
    const sealed = sealJson(loadCredentialKeyRing({ CREDENTIALS_KEY: hexKey }), payload, 'WEIBO_COOKIE');
    const other = loadCredentialKeyRing({ CREDENTIALS_KEY: b64Key });
    expect(() => openJson(other, sealed, 'WEIBO_COOKIE')).toThrow(
      /neither CREDENTIALS_KEY nor in CREDENTIALS_KEY_PREVIOUS/,
    );
    const impostor = { ...other, current: { ...other.current, id: sealed.keyId } };
    try {
      openJson(impostor, sealed, 'WEIBO_COOKIE');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CredentialDecryptError);
      expect(String(error)).not.toContain('secretcookie');
    }
  });

  it('rotation: rows sealed under the previous key still open; new rows use the new key', () => {
    const before = loadCredentialKeyRing({ CREDENTIALS_KEY: hexKey });
    const old = sealJson(before, payload, 'WEIBO_COOKIE');
    const rotated = loadCredentialKeyRing({
      CREDENTIALS_KEY: b64Key,
      CREDENTIALS_KEY_PREVIOUS: `${randomBytes(32).toString('hex')}, ${hexKey}`,
    });
    expect(openJson(rotated, old, 'WEIBO_COOKIE')).toEqual(payload);
    const fresh = sealJson(rotated, payload, 'WEIBO_COOKIE');
    expect(fresh.keyId).toBe(rotated.current.id);
    expect(fresh.keyId).not.toBe(old.keyId);
    expect(() => openJson(loadCredentialKeyRing({ CREDENTIALS_KEY: b64Key }), old, 'WEIBO_COOKIE')).toThrow(
      CredentialDecryptError,
    );
  });

  it('payload shapes per kind and masked hints that hide the secret', () => {
    const wx = credentialPayloadSchema.parse({
      kind: 'WECHAT_OFFICIAL_API',
      appId: 'wx1234567890abcdef',
      appSecret: '0123456789abcdef0123456789abcdef',
    });
    expect(maskCredential(wx)).toBe('appId wx12…cdef · secret …cdef');
    const mp = credentialPayloadSchema.parse({
      kind: 'WECHAT_MP_BACKEND',
      cookie: 'slave_sid=abcdefghijklmnop',
      token: '1234567890',
    });
    expect(maskCredential(mp)).toBe('cookie 26 chars · token …7890');
    expect(maskCredential(credentialPayloadSchema.parse(payload))).not.toContain('secret');
    expect(credentialPayloadSchema.safeParse({ kind: 'WEIBO_COOKIE', appId: 'x' }).success).toBe(false);
    expect(credentialPayloadSchema.safeParse({ kind: 'WECHAT_MP_BACKEND', cookie: 'a=b', token: 'abc' }).success).toBe(
      false,
    );
    expect(
      credentialPayloadSchema.safeParse({ kind: 'WECHAT_OFFICIAL_API', appId: 'gh_123', appSecret: 'x' }).success,
    ).toBe(false);
  });
});
