import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { LiveInspectionTable } from '@/components/inspections/live-inspection-table';
import { WorkerBanner } from '@/components/layout/worker-banner';
import { Pagination } from '@/components/ui/pagination';
import { hasRole, READ_ROLES, REVIEW_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { INSPECTIONS_PAGE_SIZE, listInspections } from '@/lib/services/list-inspections';
import { beijingDayEndInput, lastCompleteBeijingDay } from '@/lib/time';
import { CreateInspectionForm } from './create-form';

export const dynamic = 'force-dynamic';

const searchSchema = z.object({ page: z.coerce.number().int().min(1).catch(1) });

export default async function InspectionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(READ_ROLES);
  const { page } = searchSchema.parse(await searchParams);
  const data = await listInspections({ access, page });
  const t = await getTranslations();
  const pages = Math.max(1, Math.ceil(data.total / INSPECTIONS_PAGE_SIZE));
  return (
    <>
      <h1>{t('inspections.title')}</h1>
      <WorkerBanner />
      {hasRole(access, REVIEW_ROLES) && (
        <CreateInspectionForm
          agencies={data.agencies}
          editions={data.editions}
          defaultMonitoringAt={beijingDayEndInput(lastCompleteBeijingDay(new Date()))}
        />
      )}
      <LiveInspectionTable page={page} initial={{ items: data.items, total: data.total }} />
      <Pagination
        page={page}
        pageSize={INSPECTIONS_PAGE_SIZE}
        total={data.total}
        hrefFor={(p) => `/inspections?page=${p}`}
        labels={{
          previous: t('common.previous'),
          next: t('common.next'),
          summary: t('common.pageOf', { page, pages }),
        }}
      />
    </>
  );
}
