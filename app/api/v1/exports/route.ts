// POST /api/v1/exports {kind, period, agencyId, format, locale?} – the quarterly notice or annual report of an agency
// subtree in the caller's export scope. Within EXPORT_DIRECT_MAX_ACCOUNTS the file is the answer (200); a larger
// scope is queued as an export job like on the exports page: 202 with the job and Location = its status URL.
import { EXPORT_ROLES } from '@/lib/access';
import { apiV1Route, parseBody } from '@/lib/api/v1-route';
import { DEFAULT_LOCALE } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/request-locale';
import { withExportJobLinks } from '@/lib/schemas/api/resources';
import { exportQuerySchema } from '@/lib/schemas/export';
import { getExportJob } from '@/lib/services/get-export-job';
import { requestExport } from '@/lib/services/request-export';

export const dynamic = 'force-dynamic';
// Chromium prints the PDF; the Node.js runtime is required and a large province takes a few seconds.
export const runtime = 'nodejs';
export const maxDuration = 120;

export const POST = apiV1Route(EXPORT_ROLES, async ({ access, request, now }) => {
  const body = await parseBody(exportQuerySchema, request);
  // The document's language: the body's `locale`, else the caller's (locale cookie or Accept-Language), else theirs.
  const asked = await requestLocale({ request, acceptLanguage: true });
  const result = await requestExport({ access, query: { ...body, locale: body.locale ?? asked ?? undefined }, now });
  if (result.mode === 'job') {
    const locale = asked ?? DEFAULT_LOCALE;
    const job = withExportJobLinks(await getExportJob({ access, id: result.jobId, locale, now }));
    return Response.json({ job }, { status: 202, headers: { location: job.statusUrl } });
  }
  const { file } = result;
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.bytes.byteLength),
      'content-disposition': `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    },
  });
});
