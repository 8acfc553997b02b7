// GET /admin/accounts/import/template: the account registration template (XLSX) for the administrator's scope.
import { ADMIN_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { buildAccountImportTemplate } from '@/lib/services/build-account-import-template';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(ADMIN_ROLES);
    const file = await buildAccountImportTemplate({ access });
    return new Response(Buffer.from(file.bytes), {
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="${file.asciiFilename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'cache-control': 'no-store',
      },
    });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
