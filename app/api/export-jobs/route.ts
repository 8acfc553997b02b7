// GET /api/export-jobs – the caller's recent background exports with their progress (the exports page polls it).
import { EXPORT_ROLES } from '@/lib/access';
import { toErrorResponse } from '@/lib/action-result';
import { requireAccess } from '@/lib/auth/session';
import { DEFAULT_LOCALE } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/request-locale';
import { listExportJobs } from '@/lib/services/list-export-jobs';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    const access = await requireAccess(EXPORT_ROLES);
    const locale = (await requestLocale({ request, acceptLanguage: true })) ?? DEFAULT_LOCALE;
    return Response.json(await listExportJobs({ access, locale, now: new Date() }), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (error) {
    return toErrorResponse(error, request);
  }
}
