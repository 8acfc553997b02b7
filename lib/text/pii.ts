export type PersonalDataKind = 'ID_CARD' | 'MOBILE' | 'BANK_CARD';
export type PersonalDataHit = { kind: PersonalDataKind; start: number; end: number; value: string; isMasked: boolean };

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** GB 11643: province prefix, real birth date, MOD 11-2 check character. */
export function isValidChineseId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id) || !PROVINCES.has(id.slice(0, 2))) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

// Digit-only lookarounds for IDs and mobiles: \b does not work next to CJK, and "vx13800138000" must still be found.
const ID_RE = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
const MOBILE_RE = /(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)/g;
// A card is a whole alphanumeric run: never the first 17 digits of "…757x", nor digits glued to a code or a longer number.
const CARD_RE = /(?<![\dA-Za-z０-９Ａ-Ｚａ-ｚ])(?:\d[ -]?){15,18}\d(?![\dA-Za-z０-９Ａ-Ｚａ-ｚ])/g;
const MASKED_RE = /(?<![\d*])(?:\d{3,6}\*{4,11}[\dXx]{2,4}|1[3-9]\d\*{4}\d{4})(?![\d*])/g;

/** Unmasked PRC ID numbers, mobile numbers and bank cards; masked forms are reported with isMasked. */
export function findPersonalData(text: string): PersonalDataHit[] {
  if (!/\d{3}[ -]?\d{4}|\d\*{4}/.test(text)) return [];
  const hits: PersonalDataHit[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  for (const m of text.matchAll(ID_RE)) {
    if (isValidChineseId(m[0])) {
      hits.push({ kind: 'ID_CARD', start: m.index, end: m.index + m[0].length, value: m[0], isMasked: false });
      taken.push([m.index, m.index + m[0].length]);
    }
  }
  for (const m of text.matchAll(MOBILE_RE)) {
    if (overlaps(m.index, m.index + m[0].length)) continue;
    hits.push({
      kind: 'MOBILE',
      start: m.index,
      end: m.index + m[0].length,
      value: `${m[1]}${m[2]}${m[3]}`,
      isMasked: false,
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(CARD_RE)) {
    const digits = m[0].replace(/[ -]/g, '');
    // An 18-digit run with a province prefix is an ID number (valid or not), never a card.
    const isIdShaped = digits.length === 18 && PROVINCES.has(digits.slice(0, 2));
    if (
      digits.length < 16 ||
      digits.length > 19 ||
      isIdShaped ||
      overlaps(m.index, m.index + m[0].length) ||
      !luhnValid(digits)
    )
      continue;
    hits.push({ kind: 'BANK_CARD', start: m.index, end: m.index + m[0].length, value: digits, isMasked: false });
  }
  for (const m of text.matchAll(MASKED_RE)) {
    hits.push({
      kind: m[0].startsWith('1') && m[0].length === 11 ? 'MOBILE' : 'ID_CARD',
      start: m.index,
      end: m.index + m[0].length,
      value: m[0],
      isMasked: true,
    });
  }
  return hits.sort((a, b) => a.start - b.start);
}
