import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { RectificationTable } from '@/components/rectifications/rectification-table';
import { Pagination } from '@/components/ui/pagination';
import { hasRole, READ_ROLES, REVIEW_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listRectifications, RECTIFICATIONS_PAGE_SIZE } from '@/lib/services/list-rectifications';
import { CompleteButton } from './complete-button';

export const dynamic = 'force-dynamic';

const STATES = ['OPEN', 'OVERDUE', 'DONE', 'ALL'] as const;
const searchSchema = z.object({ state: z.enum(STATES).catch('OPEN'), page: z.coerce.number().int().min(1).catch(1) });

export default async function RectificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(READ_ROLES);
  const filter = searchSchema.parse(await searchParams);
  const data = await listRectifications({ access, filter, now: new Date() });
  const t = await getTranslations();
  const pages = Math.max(1, Math.ceil(data.total / RECTIFICATIONS_PAGE_SIZE));
  const canComplete = hasRole(access, REVIEW_ROLES);
  return (
    <>
      <h1>{t('rectifications.title')}</h1>
      <nav className="chips" aria-label={t('rectifications.filter')}>
        {STATES.map((s) => (
          <Link
            key={s}
            href={`/rectifications?state=${s}`}
            className="chip"
            aria-current={filter.state === s ? 'page' : undefined}
          >
            {t(`rectifications.states.${s}`)}
          </Link>
        ))}
      </nav>
      <RectificationTable items={data.items} renderAction={(id) => (canComplete ? <CompleteButton id={id} /> : null)} />
      <Pagination
        page={filter.page}
        pageSize={RECTIFICATIONS_PAGE_SIZE}
        total={data.total}
        hrefFor={(p) => `/rectifications?state=${filter.state}&page=${p}`}
        labels={{
          previous: t('common.previous'),
          next: t('common.next'),
          summary: t('common.pageOf', { page: filter.page, pages }),
        }}
      />
    </>
  );
}
