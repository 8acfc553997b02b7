import { describe, expect, it } from 'vitest';
import { codesIn } from '../../e2e/helpers/visible-codes';

// The rule the zh-CN page walk (tests/e2e/words-not-codes.spec.ts) applies to visible text.
describe('codesIn', () => {
  it('reports the leaks issue 14 names', () => {
    expect(codesIn('错误类型：RATE_LIMITED')).toHaveLength(1);
    expect(codesIn('D3 D3.ADVERTISEMENT')).not.toEqual([]);
    expect(codesIn('单项否决 · 59\tV2')).toHaveLength(1);
    expect(codesIn('V2 / V1.4')).toHaveLength(2);
    expect(codesIn('指标版本：national-2019', ['national-2019'])).toHaveLength(1);
    expect(codesIn('不当回复 CANNED_REPLY · 4 条')).toHaveLength(1);
  });

  it('accepts codes with their names, allowed words and look-alike text', () => {
    expect(codesIn('D3 内容不规范')).toEqual([]);
    expect(codesIn('V1.4 账号被盗用冒用、D10：重要信息转载')).toEqual([]);
    expect(codesIn('季度检查（A1）、检查通报印发（A2）')).toEqual([]);
    expect(codesIn('导出 PDF、XLSX 或 DOCX；凭据以 AES-256-GCM 加密')).toEqual([]);
    expect(codesIn('admin@demo.xunjian.local / demo-admin-2026', ['national-2019'])).toEqual([]);
    expect(codesIn('national-2019-v2 草稿', ['national-2019'])).toEqual([]);
  });
});
