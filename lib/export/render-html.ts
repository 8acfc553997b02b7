import type { ExportDocument } from '@/lib/schemas/export-document';
import type { ExportLabels } from './labels';
import { documentOutline, type DocumentOutline, type OutlineBlock } from './outline';
import type { ExportTable } from './tables';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value comes from stored platform text or names: escape all of it. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

// GB/T 9704-2012: the header mark 35 mm below the top of the text block, the number two lines under it with the red
// rule 4 mm below, the title two lines under the rule, the addressee one line under the title. A4 portrait, margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (text block 156 × 225 mm),
// body in 三号仿宋 (16 pt) on 22 lines, title in 二号小标宋 (22 pt), level-1 headings in 黑体, red header and rule,
// page numbers "— 1 —" in 四号 (14 pt) below the text block. The official fonts come first: an office machine that
// has them prints with them; this machine has Noto CJK (fonts-noto-cjk) and prints with those.
const FONTS = {
  fangsong: '"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif',
  xiaobiaosong:
    '"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXBSJW--GB1-0", "Noto Serif CJK SC", serif',
  heiti: '"黑体", "SimHei", "STHeiti", "Noto Sans CJK SC", sans-serif',
  songti: '"宋体", "SimSun", "Noto Serif CJK SC", serif',
};
const RED = '#e60012';
const TEXT_WIDTH_PT = 156 * 2.835;

/** What render-pdf passes to Chromium: the page box comes from the CSS @page rule below. */
export const PRINT_PAGE = {
  margin: { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' },
  footerTemplate: `<div style="width:100%;text-align:center;font-size:14pt;font-family:${escapeHtml(FONTS.songti)};margin-bottom:4mm">— <span class="pageNumber"></span> —</div>`,
};

const STYLE = `
@page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
html { font-synthesis: none; }
body { font-family: ${FONTS.fangsong}; font-size: 16pt; line-height: 29pt; color: #000; margin: 0; }
.redhead { font-family: ${FONTS.xiaobiaosong}; font-weight: 700; color: ${RED}; text-align: center; line-height: 1.2; margin: 35mm 0 0; letter-spacing: 0.05em; }
.number { text-align: center; margin: 58pt 0 0; padding-bottom: 4mm; border-bottom: 1.5pt solid ${RED}; min-height: 29pt; }
h1 { font-family: ${FONTS.xiaobiaosong}; font-weight: 700; font-size: 22pt; line-height: 1.45; text-align: center; margin: 58pt 0 29pt; text-wrap: balance; }
p { margin: 0; text-align: justify; }
p.addressee { text-indent: 0; }
h2 { font-family: ${FONTS.heiti}; font-weight: 400; font-size: 16pt; margin: 0; text-indent: 2em; }
p.body { text-indent: 2em; }
.attachment-note { display: flex; margin-top: 29pt; padding-left: 2em; }
.attachment-note ol { list-style: none; margin: 0; padding: 0; }
/* Unsealed signature: the office 2 characters from the right, the date under it 2 characters further in (or the date
   2 characters from the right and the office 2 characters before it, when the date is the longer). */
.signature { display: flex; justify-content: flex-end; margin-top: 29pt; padding-right: 2em; break-inside: avoid; break-before: avoid; }
.signature .date { padding-left: 2em; }
section.attachment { break-before: page; }
.attachment-label { font-family: ${FONTS.heiti}; font-size: 16pt; margin: 0; }
.attachment-title { font-family: ${FONTS.xiaobiaosong}; font-weight: 700; font-size: 18pt; line-height: 1.4; text-align: center; margin: 10pt 0 12pt; text-wrap: balance; }
h3 { font-family: ${FONTS.heiti}; font-weight: 400; font-size: 12pt; margin: 12pt 0 6pt; }
table { width: 100%; border-collapse: collapse; table-layout: auto; font-size: 9pt; line-height: 1.35; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; text-align: left; word-break: normal; overflow-wrap: anywhere; }
th { font-family: ${FONTS.heiti}; font-weight: 400; text-align: center; word-break: keep-all; }
td.keep { white-space: nowrap; text-align: center; overflow-wrap: normal; }
tr.informational td { color: #555; background: #f2f2f2; }
.badge { border: 0.75pt solid #777; padding: 0 2pt; }
/* A link is evidence, not prose: it may break anywhere, and never widens its column past 30 mm. */
.url { display: inline-block; max-width: 30mm; word-break: break-all; }
`;

/** The red header's size: 二号-like, smaller for long office names so it stays on one line of the text block. */
const redheadSize = (text: string) => Math.max(16, Math.min(36, Math.floor(TEXT_WIDTH_PT / (text.length * 1.08))));

function tableHtml(t: ExportTable, l: ExportLabels, withTitle: boolean): string {
  const heading = withTitle ? `<h3>${escapeHtml(t.title)}</h3>` : '';
  if (t.rows.length === 0) return `${heading}<p>${escapeHtml(l.doc('none'))}</p>`;
  const total = t.widths.reduce((n, w) => n + w, 0);
  const cols = t.widths.map((w) => `<col style="width:${((w / total) * 100).toFixed(1)}%">`).join('');
  const head = t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map((r) => {
      const cells = r.cells.map((c, i) => {
        const text = escapeHtml(String(c));
        const content =
          r.isInformational && i === r.cells.length - 1 && text
            ? `<span class="badge">${text}</span>`
            : /^https?:\/\//.test(text)
              ? `<span class="url">${text}</span>`
              : text;
        return `<td${t.keep?.[i] ? ' class="keep"' : ''}>${content}</td>`;
      });
      return `<tr${r.isInformational ? ' class="informational"' : ''}>${cells.join('')}</tr>`;
    })
    .join('');
  return `${heading}<table data-table="${t.key}"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function blockHtml(b: OutlineBlock): string {
  if (b.kind === 'heading1') return `<h2>${escapeHtml(b.text)}</h2>`;
  return `<p class="body">${b.lead ? `${escapeHtml(b.lead)}` : ''}${escapeHtml(b.text)}</p>`;
}

function outlineHtml(o: DocumentOutline, l: ExportLabels): string {
  const note = o.attachmentList.length
    ? `<div class="attachment-note"><span>${escapeHtml(l.doc('attachmentsLabel'))}</span><ol>${o.attachmentList.map((title, i) => `<li>${i + 1}. ${escapeHtml(title)}</li>`).join('')}</ol></div>`
    : '';
  const attachments = o.attachments
    .map(
      (a) => `<section class="attachment" data-attachment="${a.key}">
<p class="attachment-label">${escapeHtml(a.label)}</p>
<div class="attachment-title">${escapeHtml(a.title)}</div>
${a.tables.map((t) => tableHtml(t, l, a.tables.length > 1)).join('\n')}
</section>`,
    )
    .join('\n');
  return `<header>
<div class="redhead" style="font-size:${redheadSize(o.redhead)}pt">${escapeHtml(o.redhead)}</div>
<div class="number">${escapeHtml(o.number ?? '')}</div>
</header>
<h1>${escapeHtml(o.title)}</h1>
<p class="addressee">${escapeHtml(o.addressee)}</p>
${o.body.map(blockHtml).join('\n')}
${note}
<div class="signature"><div><div>${escapeHtml(o.signature.office)}</div><div class="date">${escapeHtml(o.signature.date)}</div></div></div>
${attachments}`;
}

/** Print HTML of the document (self-contained: no scripts, no external resources). */
export function renderPrintHtml(d: ExportDocument, l: ExportLabels): string {
  const o = documentOutline(d, l);
  const lang = l.locale === 'en' ? 'en' : 'zh-CN';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(o.title)}</title><style>${STYLE}</style></head><body>
${outlineHtml(o, l)}
</body></html>`;
}
