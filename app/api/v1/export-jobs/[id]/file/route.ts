// GET /api/v1/export-jobs/{id}/file – the file of a finished background export, for its requester only (audited);
// 409 while it is still being generated.
import { EXPORT_ROLES } from '@/lib/access';
import { apiV1Route } from '@/lib/api/v1-route';
import { downloadExportJob } from '@/lib/services/download-export-job';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export const GET = apiV1Route<{ id: string }>(EXPORT_ROLES, async ({ access, params, now }) => {
  const file = await downloadExportJob({ access, id: params.id, now });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.bytes.byteLength),
      'content-disposition': `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    },
  });
});
