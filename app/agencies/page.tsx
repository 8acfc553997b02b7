import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { READ_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listScopeRootAgencies } from '@/lib/services/get-agency-scorecard';

export const dynamic = 'force-dynamic';

export default async function AgenciesPage() {
  const access = await requirePageAccess(READ_ROLES);
  const roots = await listScopeRootAgencies({ access });
  if (roots.length === 1 && roots[0]) redirect(`/agencies/${roots[0].id}`);
  const t = await getTranslations('agency');
  return (
    <>
      <h1>{t('scopeTitle')}</h1>
      <ul>
        {roots.map((r) => (
          <li key={r.id}>
            <Link href={`/agencies/${r.id}`}>{r.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
