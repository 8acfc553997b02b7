import type { ExportDocument } from '@/lib/schemas/export-document';
import { summaryParagraphs, type ExportLabels } from './labels';
import { documentTables, type ExportTable } from './tables';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Every value comes from stored platform text or names: escape all of it. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const STYLE = `
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; color: #111; margin: 0; }
.reference { text-align: center; color: #c00000; border-bottom: 2px solid #c00000; padding-bottom: 4pt; font-size: 12pt; }
h1 { text-align: center; font-family: "Noto Sans CJK SC", sans-serif; font-size: 18pt; margin: 14pt 0 6pt; }
.meta { text-align: center; color: #666; margin: 2pt 0; }
h2 { font-family: "Noto Sans CJK SC", sans-serif; font-size: 13pt; margin: 14pt 0 6pt; }
p.summary { text-indent: 2em; margin: 3pt 0; line-height: 1.6; font-size: 12pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; page-break-inside: auto; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #999; padding: 2pt 3pt; vertical-align: top; text-align: left; word-break: break-all; }
th { background: #e8eef6; }
tr.informational td { color: #777; font-style: italic; background: #f2f2f2; }
.badge { display: inline-block; border: 1px solid #999; border-radius: 3pt; padding: 0 3pt; font-style: normal; }
`;

function tableHtml(t: ExportTable, l: ExportLabels): string {
  const heading = `<h2>${escapeHtml(t.title)}</h2>`;
  if (t.rows.length === 0) return `${heading}<p>${escapeHtml(l.doc('none'))}</p>`;
  const head = t.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = t.rows
    .map((r) => {
      const cells = r.cells.map((c, i) => {
        const text = escapeHtml(String(c));
        return `<td>${r.isInformational && i === r.cells.length - 1 && text ? `<span class="badge">${text}</span>` : text}</td>`;
      });
      return `<tr${r.isInformational ? ' class="informational"' : ''}>${cells.join('')}</tr>`;
    })
    .join('');
  return `${heading}<table data-table="${t.key}"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** Print HTML of the document (self-contained: no scripts, no external resources). */
export function renderPrintHtml(d: ExportDocument, l: ExportLabels): string {
  const periodEnd = new Date(Date.parse(d.period.to) - 1).toISOString();
  const lang = l.locale === 'en' ? 'en' : 'zh-CN';
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(l.title(d))}</title><style>${STYLE}</style></head><body>
<div class="reference">${escapeHtml(l.reference(d))}</div>
<h1>${escapeHtml(l.title(d))}</h1>
<p class="meta">${escapeHtml(l.doc('period', { from: l.day(d.period.from), to: l.day(periodEnd) }))}</p>
<p class="meta">${escapeHtml(l.doc('generatedAt', { at: l.instant(d.generatedAt) }))}</p>
<h2>${escapeHtml(l.doc('summaryHeading'))}</h2>
${summaryParagraphs(d, l).map((p) => `<p class="summary">${escapeHtml(p)}</p>`).join('\n')}
${documentTables(d, l).map((t) => tableHtml(t, l)).join('\n')}
</body></html>`;
}
