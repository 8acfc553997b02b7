import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AddAgencyForm } from '@/components/admin/add-agency-form';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listAdminAgencyTree } from '@/lib/services/manage-agencies';

export const dynamic = 'force-dynamic';

export default async function AdminAgenciesPage() {
  const access = await requirePageAccess(ADMIN_ROLES);
  const tree = await listAdminAgencyTree({ access });
  const t = await getTranslations();
  return (
    <>
      <h1>{t('admin.agencies.title')}</h1>
      <AddAgencyForm parents={tree.map((n) => ({ id: n.id, name: `${'　'.repeat(n.depth)}${n.name}` }))} />
      <section className="panel" aria-label={t('admin.agencies.tree')}>
        <ul className="tree" role="tree" aria-label={t('admin.agencies.tree')}>
          {tree.map((n) => (
            <li
              key={n.id}
              role="treeitem"
              aria-level={n.depth + 1}
              aria-selected={false}
              style={{ paddingLeft: n.depth * 20 }}
            >
              <Link href={`/agencies/${n.id}`}>{n.name}</Link>{' '}
              <span className="subtle">
                {t(`agency.levels.${n.level}`)}
                {n.code ? ` · ${n.code}` : ''} · {t('admin.agencies.accounts', { count: n.accounts })}
              </span>
              {n.isSupervisingUnit && <span className="badge ok">{t('agency.supervisingUnit')}</span>}{' '}
              <Link href={`/admin/agencies/${n.id}`} aria-label={t('admin.agencyEdit.editOf', { name: n.name })}>
                {t('admin.agencyEdit.edit')}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
