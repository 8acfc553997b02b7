import { inflateSync } from 'node:zlib';

// Minimal text extraction for the PDFs Chromium (Skia) writes: classic xref, FlateDecode streams, fonts with
// ToUnicode CMaps and text shown with <hex> Tj / [..] TJ. Enough to read our exports back; not a general parser.

type PdfObject = { head: string; stream: Buffer | null };

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const latin = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const m of latin.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { head: body, stream: null });
      continue;
    }
    const start = (m.index ?? 0) + m[0].indexOf(body) + at + (body.slice(at).startsWith('stream\r\n') ? 8 : 7);
    const end = latin.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    let stream: Buffer;
    try {
      stream = /\/FlateDecode/.test(body.slice(0, at)) ? inflateSync(raw) : raw;
    } catch {
      stream = raw;
    }
    objects.set(Number(m[1]), { head: body.slice(0, at), stream });
  }
  return objects;
}

/** ToUnicode CMap → code (hex, upper case) → text, plus the code width in hex digits. */
function parseCMap(cmap: string): { map: Map<string, string>; width: number } {
  const map = new Map<string, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  const range = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, uni] of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set((code ?? '').toUpperCase(), utf16(uni ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, uni] of (block[1] ?? '').matchAll(
      /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
    )) {
      const width = (lo ?? '').length;
      for (
        let c = parseInt(lo ?? '0', 16), u = parseInt(uni ?? '0', 16);
        c <= parseInt(hi ?? '0', 16);
        c += 1, u += 1
      ) {
        map.set(c.toString(16).toUpperCase().padStart(width, '0'), String.fromCharCode(u));
      }
    }
  }
  return { map, width: range?.[1]?.length ?? 2 };
}

function decodeContent(content: string, fonts: Map<string, { map: Map<string, string>; width: number }>): string {
  let font: { map: Map<string, string>; width: number } | undefined;
  let out = '';
  const show = (hex: string) => {
    if (!font) return;
    const clean = hex.replace(/\s+/g, '').toUpperCase();
    for (let i = 0; i < clean.length; i += font.width) out += font.map.get(clean.slice(i, i + font.width)) ?? '';
  };
  for (const m of content.matchAll(
    /\/([A-Za-z0-9_]+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:[^\]])*)\]\s*TJ|(ET)/g,
  )) {
    if (m[1]) font = fonts.get(m[1]);
    else if (m[2] !== undefined) show(m[2]);
    else if (m[3] !== undefined) for (const h of m[3].matchAll(/<([0-9A-Fa-f\s]*)>/g)) show(h[1] ?? '');
    else if (m[4]) out += '\n';
  }
  return out;
}

const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1]));

/** Page count, embedded font names and the text of each page (in drawing order). */
export function readPdf(pdf: Buffer): { pageCount: number; fontNames: string[]; pages: string[] } {
  const objects = parseObjects(pdf);
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.head));
  const fontNames = [
    ...new Set(
      [...objects.values()].flatMap((o) => [...o.head.matchAll(/\/FontName\s*\/([^\s/>]+)/g)].map((m) => m[1] ?? '')),
    ),
  ];
  const cmapOf = (ref: number) => parseCMap(objects.get(ref)?.stream?.toString('latin1') ?? '');
  const texts = pages.map((page) => {
    const fonts = new Map<string, { map: Map<string, string>; width: number }>();
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(page.head)?.[1] ?? '';
    for (const [, name, ref] of fontDict.matchAll(/\/([A-Za-z0-9_]+)\s+(\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objects.get(Number(ref))?.head ?? '')?.[1];
      if (name && toUnicode) fonts.set(name, cmapOf(Number(toUnicode)));
    }
    const contents = /\/Contents\s+(\[[^\]]*\]|\d+ 0 R)/.exec(page.head)?.[1] ?? '';
    return refs(contents)
      .map((r) => decodeContent(objects.get(r)?.stream?.toString('latin1') ?? '', fonts))
      .join('');
  });
  return { pageCount: pages.length, fontNames, pages: texts };
}
