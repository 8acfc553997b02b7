import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { ExportForm } from '@/components/exports/export-form';
import { ExportJobs } from '@/components/exports/export-jobs';
import { WorkerBanner } from '@/components/layout/worker-banner';
import { EXPORT_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listExportAgencies } from '@/lib/services/list-export-agencies';
import { directExportLimit } from '@/lib/services/measure-export-scopes';
import { quarterCodeOf } from '@/lib/scoring/annual';
import { shanghaiDay } from '@/lib/time';

export const dynamic = 'force-dynamic';

// A direct link refused as too large (a report, or the assessment page's ZIP of a large tree) arrives with its export
// in the query: the form starts from it.
const prefillSchema = z.object({
  kind: z.enum(['notice', 'annual', 'assessment-zip']).optional().catch(undefined),
  period: z
    .string()
    .max(10)
    .regex(/^[0-9Qq]+$/)
    .optional()
    .catch(undefined),
  agencyId: z.uuid().optional().catch(undefined),
  format: z.enum(['pdf', 'xlsx', 'docx']).optional().catch(undefined),
});

export default async function ExportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(EXPORT_ROLES);
  const prefill = prefillSchema.parse(await searchParams);
  const [agencies, t] = await Promise.all([listExportAgencies({ access }), getTranslations('exports')]);
  const now = new Date();
  // The current Beijing quarter and year: a notice is usually drafted while the quarter's inspections close.
  return (
    <>
      <h1>{t('title')}</h1>
      <WorkerBanner />
      <p className="subtle">{t('intro')}</p>
      {agencies.length === 0 ? (
        <p className="empty">{t('noAgencies')}</p>
      ) : (
        <ExportForm
          agencies={agencies}
          directLimit={directExportLimit()}
          defaultQuarter={quarterCodeOf(now)}
          defaultYear={shanghaiDay(now).slice(0, 4)}
          prefill={prefill}
        />
      )}
      <ExportJobs />
    </>
  );
}
