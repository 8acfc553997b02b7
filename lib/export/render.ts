import type { Locale } from '@/lib/i18n/config';
import { EXPORT_CONTENT_TYPES, type ExportFormat } from '@/lib/schemas/export';
import type { ExportDocument } from '@/lib/schemas/export-document';
import { exportLabels } from './labels';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';

export type RenderedExport = { bytes: Uint8Array; contentType: string; filename: string; asciiFilename: string };

const RENDERERS = { pdf: renderPdf, xlsx: renderXlsx, docx: renderDocx } as const;

/** Characters no file system or header accepts. */
const safeName = (text: string) => text.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').trim();

/** Renders the document in the format and the locale, with its download file name (UTF-8 and an ASCII fallback). */
export async function renderExport(d: ExportDocument, format: ExportFormat, locale: Locale): Promise<RenderedExport> {
  const labels = exportLabels(locale);
  const bytes = await RENDERERS[format](d, labels);
  const base = d.kind === 'notice' ? 'inspection-notice' : 'annual-report';
  return {
    bytes,
    contentType: EXPORT_CONTENT_TYPES[format],
    filename: safeName(`${labels.t(`exports.file.${d.kind}`)}-${d.agency.name}-${d.period.code}.${format}`),
    asciiFilename: `${base}-${d.period.code}.${format}`,
  };
}
