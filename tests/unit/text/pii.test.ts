import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPersonalData, isValidChineseId, luhnValid } from '@/lib/text/pii';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The GB 11643 check character of 17 digits, computed here independently of lib/text/pii. */
const checkOf = (body: string) =>
  '10X98765432'[ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0) % 11] as string;
const unmaskedKinds = (t: string) =>
  findPersonalData(t)
    .filter((h) => !h.isMasked)
    .map((h) => h.kind);

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
    const kinds = (t: string) =>
      findPersonalData(t)
        .filter((h) => !h.isMasked)
        .map((h) => h.kind);
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

  it('an 18-character ID ending in x with a wrong checksum is neither an ID nor a card, though its 17 digits pass Luhn', () => {
    const body = '11010119900307201';
    expect(luhnValid(body)).toBe(true);
    expect(checkOf(body)).toBe('7');
    for (const text of [`身份证号${body}x。`, `身份证号${body}X`, `${body}x`]) expect(unmaskedKinds(text)).toEqual([]);
    expect(unmaskedKinds(`身份证号${body}7。`)).toEqual(['ID_CARD']);
  });

  it.each<[string, string, string[]]>([
    ['after CJK', '卡号4111111111111111。', ['BANK_CARD']],
    ['grouped by spaces', '卡号 4111 1111 1111 1111', ['BANK_CARD']],
    ['grouped by dashes', '卡号4111-1111-1111-1111', ['BANK_CARD']],
    ['followed by letters', '订单4111111111111111ab', []],
    ['preceded by letters', '订单SN4111111111111111', []],
    ['preceded by a full-width letter', '订单Ｎ4111111111111111', []],
    ['followed by a full-width digit', '编号4111111111111111２', []],
    ['inside a longer digit run', '流水号20264111111111111111', []],
  ])('a card is a whole alphanumeric run: %s', (_, text, expected) => {
    expect(unmaskedKinds(text)).toEqual(expected);
  });
});

describe('personal data properties (fast-check)', () => {
  const digits = (n: number) =>
    fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((a) => a.join(''));
  const province = fc.constantFrom('11', '12', '13', '31', '32', '44', '50', '51', '65', '71', '81', '82');
  const date = fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));
  /** 17 digits shaped like an ID body: a province, four more region digits, a birth date (real or not), three digits. */
  const body = fc.oneof(
    fc.tuple(province, digits(4), date, digits(3)).map((p) => p.join('')),
    fc.tuple(province, digits(15)).map((p) => p.join('')),
  );
  const around = fc.constantFrom(
    ['', ''],
    ['身份证号', '。'],
    ['证件号码：', '，'],
    ['张某某 ', ' 13912345678'],
    ['', 'x'],
  );

  it('no 18-character ID with a wrong check character is reported as an ID or a card', () => {
    fc.assert(
      fc.property(body, fc.constantFrom(...'0123456789Xx'), around, (b, check, [before, after]) => {
        fc.pre(check.toUpperCase() !== checkOf(b));
        const text = `${before}${b}${check}${after}`;
        const hits = findPersonalData(text).filter((h) => h.kind !== 'MOBILE');
        expect(hits).toEqual([]);
        expect(isValidChineseId(`${b}${check}`)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('every ID with a right check character and a real date is reported once, as an ID, with its span', () => {
    fc.assert(
      fc.property(
        fc.tuple(province, digits(4), date, digits(3)).map((p) => p.join('')),
        fc.boolean(),
        (b, lower) => {
          const check = lower ? checkOf(b).toLowerCase() : checkOf(b);
          const text = `身份证号${b}${check}。`;
          const hits = findPersonalData(text);
          expect(hits.map((h) => [h.kind, h.start, h.end])).toEqual([['ID_CARD', 4, 22]]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
