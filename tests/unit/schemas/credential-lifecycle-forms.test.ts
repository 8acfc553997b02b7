import { describe, expect, it } from 'vitest';
import { accountLifecycleInputSchema } from '@/lib/schemas/account-lifecycle';
import { createCredentialInputSchema, credentialFormInput } from '@/lib/schemas/credential';

const ACCOUNT = '0190f5a4-7b1c-7cc2-9a41-2d1f7c3e4b5a';

describe('admin form schemas', () => {
  it('flat credential form fields become the payload of their kind only', () => {
    const input = credentialFormInput({
      label: '公众号后台',
      kind: 'WECHAT_MP_BACKEND',
      cookie: 'slave_sid=x',
      token: '123',
      appSecret: 'stray',
      expiresAt: '',
    });
    expect(input).toEqual({
      id: undefined,
      label: '公众号后台',
      expiresAt: '',
      payload: { kind: 'WECHAT_MP_BACKEND', cookie: 'slave_sid=x', token: '123' },
    });
    expect(createCredentialInputSchema.parse(input)).toMatchObject({
      expiresAt: null,
      payload: { kind: 'WECHAT_MP_BACKEND' },
    });
    expect(
      createCredentialInputSchema.safeParse(credentialFormInput({ label: '空', kind: 'WEIBO_COOKIE', cookie: ' ' }))
        .success,
    ).toBe(false);
    expect(
      createCredentialInputSchema.safeParse(
        credentialFormInput({ label: '未知', kind: 'DOUYIN_COOKIE', cookie: 'a=b' }),
      ).success,
    ).toBe(false);
  });

  it('every lifecycle event needs a filing number; blank optional change fields are dropped', () => {
    const change = accountLifecycleInputSchema.parse({
      event: 'CHANGE',
      accountId: ACCOUNT,
      filingNumber: ' 川网信变-1 ',
      effectiveAt: '2026-11-01',
      displayName: '新名',
      handle: '',
      url: '',
    });
    expect(change).toEqual({
      event: 'CHANGE',
      accountId: ACCOUNT,
      filingNumber: '川网信变-1',
      effectiveAt: new Date('2026-10-31T16:00:00Z'),
      displayName: '新名',
      handle: undefined,
      url: undefined,
      note: null,
    });
    for (const event of ['CHANGE', 'CLOSE', 'REOPEN']) {
      expect(
        accountLifecycleInputSchema.safeParse({
          event,
          accountId: ACCOUNT,
          filingNumber: '  ',
          effectiveAt: '2026-11-01',
          note: '整合关停',
        }).success,
      ).toBe(false);
    }
    expect(
      accountLifecycleInputSchema.safeParse({
        event: 'CLOSE',
        accountId: ACCOUNT,
        filingNumber: 'F',
        effectiveAt: '2026-11-01',
      }).success,
    ).toBe(false);
    expect(
      accountLifecycleInputSchema.safeParse({
        event: 'CLOSE',
        accountId: ACCOUNT,
        filingNumber: 'F',
        effectiveAt: 'not a date',
        note: '整合关停',
      }).success,
    ).toBe(false);
  });
});
