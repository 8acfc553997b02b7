// GET /api/export-jobs/<id>/file – the file of a finished background export, for its requester only (audited).
import { EXPORT_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { downloadExportJob } from '@/lib/services/download-export-job';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const access = await requireAccess(EXPORT_ROLES);
    const file = await downloadExportJob({ access, id: (await params).id, now: new Date() });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.bytes.byteLength),
        'content-disposition': `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
