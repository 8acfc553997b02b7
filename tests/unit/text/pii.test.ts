import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidChineseId, luhnValid } from '@/lib/text/pii';

describe('personal data', () => {
  it('golden case G9: valid ID and mobile are hits, a bad checksum is not', () => {
    const text = '张某某 110101199003077571，联系电话13912345678；李某某 110101199003077578。';
    const hits = findPersonalData(text).filter((h) => !h.isMasked);
    expect(hits.map((h) => [h.kind, h.value])).toEqual([
      ['ID_CARD', '110101199003077571'],
      ['MOBILE', '13912345678'],
    ]);
    expect(text.slice(hits[0]?.start, hits[0]?.end)).toBe('110101199003077571');
  });

  it.each([
    ['110101199003077571', true],
    ['110101199003077578', false],
    ['990101199003077571', false],
    ['110101199002307570', false],
  ])('ID %s valid=%s', (id, valid) => expect(isValidChineseId(id)).toBe(valid));

  it('finds mobiles in common formats and next to letters, and Luhn-valid cards', () => {
    const kinds = (t: string) => findPersonalData(t).filter((h) => !h.isMasked).map((h) => h.kind);
    expect(kinds('vx13800138000')).toEqual(['MOBILE']);
    expect(kinds('电话 +86 138-0013-8000')).toEqual(['MOBILE']);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(kinds('卡号4111111111111111')).toEqual(['BANK_CARD']);
    expect(kinds('卡号4111111111111112')).toEqual([]);
  });

  it('reports masked numbers as masked, not as leaks', () => {
    const hits = findPersonalData('身份证1101**********7571 手机139****5678');
    expect(hits.every((h) => h.isMasked)).toBe(true);
    expect(hits).toHaveLength(2);
  });
});
