import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerAccountInputSchema } from '@/lib/schemas/account';
import { localizeError, toErrorResponse } from '@/lib/action-result';
import { AppError, notFound } from '@/lib/errors';
import { ERROR_MESSAGES } from '@/lib/i18n/error-messages';
import { localeFromAcceptLanguage } from '@/lib/i18n/request-locale';
import { accountLifecycleInputSchema } from '@/lib/schemas/account-lifecycle';
import { beijingDayStart } from '@/lib/time';

const ROOT = join(import.meta.dirname, '../../..');
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}
const code = ['lib', 'app', 'components', 'crawlers', 'scripts']
  .flatMap(sources)
  .map((p) => readFileSync(join(ROOT, p), 'utf8'))
  .join('\n');

/** ICU arguments of a message ({name}, {name, plural, …}), so both locales take the same params. */
const argsOf = (message: string) =>
  [...message.matchAll(/\{\s*([a-z][a-zA-Z]*)\s*[,}]/g)]
    .map((m) => m[1])
    .filter((a, i, all) => all.indexOf(a) === i)
    .sort();
const flat = (tree: object, prefix = ''): Record<string, string> =>
  Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string' ? [[`${prefix}${k}`, v]] : Object.entries(flat(v as object, `${prefix}${k}.`)),
    ),
  );

describe('error messages', () => {
  const en = flat(ERROR_MESSAGES.en);
  const zh = flat(ERROR_MESSAGES['zh-CN']);

  it('has every key in both locales, with the same arguments', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect([key, argsOf(zh[key] ?? '')]).toEqual([key, argsOf(en[key] ?? '')]);
  });

  it('knows every AppError key thrown anywhere in the code', () => {
    const keys = [...code.matchAll(/new AppError\(\s*'[A-Z_]+',\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
    const wrongShape = [...code.matchAll(/new AppError\(\s*'[A-Z_]+',\s*[^'\s]/g)].map((m) => m[0]);
    expect(keys.length).toBeGreaterThan(60);
    expect(wrongShape).toEqual([]);
    for (const key of keys) expect([key, `errors.${key}` in en, `errors.${key}` in zh]).toEqual([key, true, true]);
  });

  it('knows every custom message key of the schemas', () => {
    const keys = [...code.matchAll(/'validation\.([A-Za-z]+)'/g)].map((m) => m[1]);
    expect(keys.length).toBeGreaterThan(15);
    for (const key of keys)
      expect([key, `validation.${key}` in en, `validation.${key}` in zh]).toEqual([key, true, true]);
  });
});

describe('localizeError', () => {
  it('says a service error in the user language, as a message and next to its field', () => {
    const error = new AppError('VALIDATION', 'effectiveAtFuture', {
      params: { today: beijingDayStart('2026-12-04') },
      field: 'effectiveAt',
    });
    expect(error.message).toBe('The effective date cannot be later than today (December 4, 2026, Beijing time)');
    expect(localizeError(error, 'zh-CN')).toEqual({
      ok: false,
      code: 'VALIDATION',
      message: '生效日期不能晚于今天（北京时间 2026年12月4日）',
      fieldErrors: { effectiveAt: ['生效日期不能晚于今天（北京时间 2026年12月4日）'] },
    });
    expect(localizeError(notFound('account'), 'zh-CN').message).toBe('账号不存在');
    expect(localizeError(notFound('account'), 'en').message).toBe('Account not found');
  });

  it('labels zod issues with the field and never shows a key, a path or English in zh-CN', () => {
    const parsed = accountLifecycleInputSchema.safeParse({
      event: 'CLOSE',
      accountId: '7d4c2a56-5f0e-4d8c-9a3c-1f2e3d4c5b6a',
      filingNumber: ' ',
      effectiveAt: '2026-02-30',
      note: 'x',
    });
    if (parsed.success) throw new Error('expected a failure');
    const zh = localizeError(parsed.error, 'zh-CN');
    expect(zh.fieldErrors).toEqual({
      filingNumber: ['请填写备案号'],
      effectiveAt: ['生效日期：请填写日期和时间，例如 2026-12-04 09:30'],
      note: ['说明：请填写原因'],
    });
    expect(localizeError(parsed.error, 'en').fieldErrors?.note).toEqual(['Note: Give the reason']);
    const shown = [zh.message, ...Object.values(zh.fieldErrors ?? {}).flat()].join('\n');
    expect(shown).not.toMatch(/validation\.|[A-Za-z]{4,}/);
  });

  it('calls a blank field that fails a format check missing, not invalid (an agency picker left empty)', () => {
    const blank = registerAccountInputSchema.pick({ agencyId: true }).safeParse({ agencyId: '' });
    if (blank.success) throw new Error('expected a failure');
    expect(localizeError(blank.error, 'zh-CN').fieldErrors?.agencyId).toEqual(['单位：必填']);
    const typed = registerAccountInputSchema.pick({ agencyId: true }).safeParse({ agencyId: 'x' });
    if (typed.success) throw new Error('expected a failure');
    expect(localizeError(typed.error, 'zh-CN').fieldErrors?.agencyId?.[0]).not.toContain('必填');
  });

  it('falls back to zod locale messages for other checks, and hides unknown errors', () => {
    const issue = z.object({ n: z.email() }).safeParse({ n: 'x' });
    if (issue.success) throw new Error('expected a failure');
    expect(localizeError(issue.error, 'zh-CN').fieldErrors?.n?.[0]).toBe('无效电子邮件');
    const spy = console.error;
    console.error = () => undefined;
    try {
      expect(localizeError(new Error('db password leaked'), 'zh-CN')).toEqual({
        ok: false,
        code: 'INTERNAL',
        message: '系统出错，请稍后重试',
      });
    } finally {
      console.error = spy;
    }
  });

  it('answers API callers in the locale cookie, else their Accept-Language, keeping the error shape', async () => {
    const ask = (headers: Record<string, string>) =>
      toErrorResponse(notFound('agency'), new Request('http://x/api', { headers }));
    expect(await (await ask({ 'accept-language': 'en-US,en;q=0.9' })).json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Agency not found' },
    });
    expect((await (await ask({ 'accept-language': 'en', cookie: 'NEXT_LOCALE=zh-CN' })).json()).error.message).toBe(
      '单位不存在',
    );
    expect((await ask({})).status).toBe(404);
    expect(localeFromAcceptLanguage('fr;q=1, zh-TW;q=0.8, en;q=0.5')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('fr')).toBeNull();
  });
});
