import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';
import { exportQuerySchema } from '@/lib/schemas/export';
import { registerAccountInputSchema } from '@/lib/schemas/account';
import { text } from '@/lib/schemas/text';

const status = (path: string) => proxy(new NextRequest(`http://localhost${path}`)).status;
const AGENCY = '00000000-0000-4000-8000-000000000000';

describe('odd input is a 400, never a 500', () => {
  it.each([
    '/accounts/%ED%A0%80',
    '/agencies/%ED%A0%80',
    '/accounts/%FF',
    '/findings?q=%ED%A0%80',
    '/findings?q=a%00b',
    '/accounts/a%00',
  ])('the proxy refuses %s', (path) => expect(status(path)).toBe(400));

  it.each([
    '/accounts/5c1f6b1e-3a5b-4b7e-9a7a-1d2c3b4a5e6f',
    '/findings?q=%E6%B1%9F%E5%B7%9D&status=SUSPECTED',
    '/',
    '/api/health',
    '/findings?q=a+b%20c',
  ])('the proxy passes %s', (path) => expect(status(path)).toBe(200));

  it.each([
    ['notice', '9999Q4'],
    ['notice', '0000Q1'],
    ['annual', '0000'],
    ['annual', '9999'],
    ['notice', '1999Q4'],
  ])('export %s period %s is a validation error', (kind, period) => {
    const parsed = exportQuerySchema.safeParse({ kind, period, agencyId: AGENCY, format: 'xlsx' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['period']);
  });

  it('keeps ordinary periods', () => {
    expect(exportQuerySchema.parse({ kind: 'notice', period: '2026q3', agencyId: AGENCY, format: 'pdf' }).period).toBe(
      '2026Q3',
    );
    expect(exportQuerySchema.parse({ kind: 'annual', period: '2026', agencyId: AGENCY, format: 'pdf' }).period).toBe(
      '2026',
    );
  });

  it('form text drops NUL and refuses lone surrogates', () => {
    expect(text().trim().min(1).parse(' a\u0000b ')).toBe('ab');
    expect(text().safeParse('x\uD800').success).toBe(false);
    expect(text().safeParse('x\uDC00y').success).toBe(false);
    expect(text().parse('😀 江川')).toBe('😀 江川');
  });
});

describe('account URLs in forms', () => {
  const input = (url: string) => ({
    agencyId: AGENCY,
    platformCode: 'WEIBO',
    handle: '7400000001',
    displayName: '江川发布',
    url,
  });
  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>1</script>', 'ftp://example.com/'])(
    'refuses %s',
    (url) => {
      const parsed = registerAccountInputSchema.safeParse(input(url));
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ path: ['url'], message: 'validation.httpUrl' });
    },
  );
  it('keeps http(s) and an empty URL', () => {
    expect(registerAccountInputSchema.parse(input('https://weibo.com/u/7400000001')).url).toBe(
      'https://weibo.com/u/7400000001',
    );
    expect(registerAccountInputSchema.parse(input('')).url).toBeNull();
  });
});
