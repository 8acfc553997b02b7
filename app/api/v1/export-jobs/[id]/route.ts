// GET /api/v1/export-jobs/{id} – one of the caller's background exports with its progress (queued, running n of N,
// done with fileUrl, failed with a localized reason). Someone else's, an expired or a missing job is a 404.
import { EXPORT_ROLES } from '@/lib/access';
import { apiV1Route } from '@/lib/api/v1-route';
import { DEFAULT_LOCALE } from '@/lib/i18n/config';
import { requestLocale } from '@/lib/i18n/request-locale';
import { withExportJobLinks } from '@/lib/schemas/api/resources';
import { getExportJob } from '@/lib/services/get-export-job';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route<{ id: string }>(EXPORT_ROLES, async ({ access, request, params, now }) => {
  const locale = (await requestLocale({ request, acceptLanguage: true })) ?? DEFAULT_LOCALE;
  return withExportJobLinks(await getExportJob({ access, id: params.id, locale, now }));
});
