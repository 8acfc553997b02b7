import { describe, expect, it } from 'vitest';
import { localizeZodError } from '@/lib/i18n/localize-zod';
import { createUserInputSchema, resetUserPasswordInputSchema } from '@/lib/schemas/user-admin';
import { passwordProblem } from '@/lib/security/password-strength';

// Issue 13 item 11: the policy accepted nine spaces and a letter.
const user = (password: string) => ({
  name: '张三',
  email: 'zhang@example.test',
  password,
  grants: [{ role: 'AUDITOR', agencyId: '01900000-0000-7000-8000-000000000001' }],
});

describe('password policy', () => {
  it.each([
    ['         a', 'passwordTooShort'],
    [`${' '.repeat(11)}a`, 'passwordTooShort'],
    ['short-one', 'passwordTooShort'],
    ['password1234', 'passwordCommon'],
    ['1qaz2wsx3edc', 'passwordCommon'],
    ['aaaaaaaaaaaaaaaa', 'passwordTooWeak'],
    ['x'.repeat(129), 'passwordTooLong'],
  ])('refuses %j (%s)', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
    const parsed = createUserInputSchema.safeParse(user(password));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(`validation.${problem}`);
    expect(resetUserPasswordInputSchema.safeParse({ userId: 'u1', password }).success).toBe(false);
  });

  it.each(['correct-horse-battery', '巡检系统管理员密码二零二六', 'Lantern-Orchid-Rivet-42'])(
    'accepts %j',
    (password) => {
      expect(passwordProblem(password)).toBeNull();
      expect(createUserInputSchema.safeParse(user(password)).success).toBe(true);
    },
  );

  it("says why in the user's language", () => {
    const error = createUserInputSchema.safeParse(user('password1234')).error;
    if (!error) throw new Error('accepted');
    expect(localizeZodError(error, 'zh-CN').fieldErrors.password?.join()).toContain('常见密码');
    expect(localizeZodError(error, 'en').fieldErrors.password?.join()).toContain('common password');
  });
});
