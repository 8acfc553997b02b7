// Issue 14 "words, not codes": what counts as an internal code leaking into the visible text of a zh-CN page.
//
// Allowed Latin words: file formats, protocol, product and algorithm names a user is expected to read
// (PDF, XLSX, DOCX, CSV, ZIP, API, URL, ID, App, iOS, RSS, HTTP(S), AES, GCM, QQ). Edition codes are allowed only
// on the administrator's edition pages (/admin/editions…), where a code is what the administrator types to clone.
export const ALLOWED_WORDS = new Set([
  'PDF',
  'XLSX',
  'DOCX',
  'CSV',
  'ZIP',
  'API',
  'URL',
  'ID',
  'APP',
  'RSS',
  'HTTP',
  'HTTPS',
  'AES',
  'GCM',
  'QQ',
  'UTC',
]);
const ENUM_LIKE = /\b[A-Z][A-Z0-9_]{2,}\b/g;
/** An indicator code (V1.4, D10, A2): fine with its Chinese name right after it ("D3 内容不规范") or as "名称（D3）". */
const INDICATOR = /\b[VDA]\d+(?:\.\d+)?\b/g;
const CJK = /[\u3400-\u9fff]/;

export function codesIn(text: string, editionCodes: string[] = []): string[] {
  const found: string[] = [];
  const where = (line: string) => `“${line.trim().slice(0, 80)}”`;
  for (const line of text.split('\n')) {
    for (const m of line.matchAll(ENUM_LIKE)) {
      if (!ALLOWED_WORDS.has(m[0]) && !/^[VDA]\d+$/.test(m[0])) found.push(`${m[0]} in ${where(line)}`);
    }
    for (const code of editionCodes)
      if (new RegExp(`(^|[^a-z0-9-])${code.replace(/[-.]/g, '\\$&')}($|[^a-z0-9-])`).test(line))
        found.push(`${code} in ${where(line)}`);
    for (const m of line.matchAll(INDICATOR)) {
      const after = line.slice(m.index + m[0].length).replace(/^[\s:：·]+/, '');
      const before = line.slice(0, m.index);
      const namedAfter = CJK.test(after.charAt(0));
      const namedBefore = /[\u3400-\u9fff]\s*[（(]$/.test(before) && /^[）)]/.test(line.slice(m.index + m[0].length));
      if (!namedAfter && !namedBefore) found.push(`${m[0]} without its name in ${where(line)}`);
    }
  }
  return found;
}
