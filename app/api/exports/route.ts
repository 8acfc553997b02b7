// GET /api/exports?kind=notice|annual&period=2026Q3|2026&agencyId=…&format=pdf|xlsx|docx[&locale=en]
// Streams the quarterly notice or annual report of an agency subtree in the caller's export scope (audited).
import { EXPORT_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { exportQuerySchema } from '@/lib/schemas/export';
import { exportReport } from '@/lib/services/export-report';
import { directExportLimit } from '@/lib/services/measure-export-scopes';

export const dynamic = 'force-dynamic';
// Chromium prints the PDF; the Node.js runtime is required and a large province takes a few seconds.
export const runtime = 'nodejs';
export const maxDuration = 120;

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(EXPORT_ROLES);
    const query = exportQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    // Large scopes are refused here with a clear message: they run as background jobs (POST via the exports page).
    const file = await exportReport({ access, query, now: new Date(), maxAccounts: directExportLimit() });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        'content-type': file.contentType,
        'content-length': String(file.bytes.byteLength),
        'content-disposition': `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    // A link followed in the browser (the assessment page, a bookmark) to a scope too large for a direct download
    // lands on the exports page with the same export filled in, to be generated in the background.
    if (
      isAppError(error) &&
      error.key === 'exportTooLargeForDirect' &&
      request.headers.get('accept')?.includes('text/html')
    ) {
      return new Response(null, {
        status: 303,
        headers: { location: `/exports?${new URL(request.url).searchParams}` },
      });
    }
    return toErrorResponse(error, request);
  }
}
