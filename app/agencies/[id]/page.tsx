import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AgencyAccountTable } from '@/components/agencies/agency-account-table';
import { ChildAgencyTable } from '@/components/agencies/child-agency-table';
import { READ_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { getSharedAgencyScorecard } from '@/lib/services/get-agency-scorecard';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

export default async function AgencyPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await requirePageAccess(READ_ROLES);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const card = await getSharedAgencyScorecard({ access, agencyId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const t = await getTranslations('agency');
  return (
    <>
      <nav aria-label={t('breadcrumb')} className="subtle">
        {card.breadcrumb.map((a) => (
          <span key={a.id}>
            <Link href={`/agencies/${a.id}`}>{a.name}</Link> ›{' '}
          </span>
        ))}
      </nav>
      <h1>{card.agency.name}</h1>
      <p className="subtle">
        {t(`levels.${card.agency.level}`)}
        {card.agency.isSupervisingUnit && ` · ${t('supervisingUnit')}`}
      </p>
      <ChildAgencyTable rows={card.children} totals={card.totals} staleDays={card.staleDays} />
      <AgencyAccountTable rows={card.accounts} />
    </>
  );
}
