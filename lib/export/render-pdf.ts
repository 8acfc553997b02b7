import type { ExportDocument } from '@/lib/schemas/export-document';
import type { ExportLabels } from './labels';
import { sharedPdfPool, type PdfPool } from './pdf-pool';
import { PRINT_PAGE, renderPrintHtml } from './render-html';

/** Prints the document's HTML on a page of the process's shared Chromium (lib/export/pdf-pool.ts); the page may load nothing. */
export async function renderPdf(
  d: ExportDocument,
  l: ExportLabels,
  pool: PdfPool = sharedPdfPool(),
): Promise<Uint8Array> {
  return pool.withPage(async (page) => {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(renderPrintHtml(d, l), { waitUntil: 'load', timeout: 30_000 });
    // Page box and margins of an official document (GB/T 9704, render-html.ts); page numbers as — 1 —.
    const pdf = await page.pdf({
      format: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: PRINT_PAGE.footerTemplate,
      margin: PRINT_PAGE.margin,
    });
    return new Uint8Array(pdf);
  });
}
