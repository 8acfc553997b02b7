import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { CloneEditionForm } from '@/components/admin/clone-edition-form';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listEditions } from '@/lib/services/list-editions';

export const dynamic = 'force-dynamic';

export default async function EditionsPage() {
  await requirePageAccess(ADMIN_ROLES);
  const [editions, t, format] = await Promise.all([listEditions(), getTranslations('admin.editions'), getFormatter()]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">{t('hint')}</p>
      <section className="panel" aria-label={t('list')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('code')}</th>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('basedOn')}</th>
              <th scope="col" className="num">
                {t('inspections')}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {editions.map((e) => (
              <tr key={e.id}>
                <td>{e.code}</td>
                <td>
                  {e.name}
                  {e.ownerAgencyName && <span className="subtle"> · {e.ownerAgencyName}</span>}
                </td>
                <td>
                  <span className={`badge ${e.status === 'PUBLISHED' ? 'ok' : 'warn'}`}>
                    {t(`statuses.${e.status}`)}
                  </span>
                  {e.publishedAt && (
                    <span className="subtle"> {format.dateTime(e.publishedAt, { dateStyle: 'medium' })}</span>
                  )}
                </td>
                <td>{e.basedOnCode ?? '—'}</td>
                <td className="num">{e.inspections}</td>
                <td>
                  <Link href={`/admin/editions/${e.id}`}>{e.status === 'DRAFT' ? t('edit') : t('view')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <CloneEditionForm editions={editions.map((e) => ({ id: e.id, code: e.code, name: e.name }))} />
    </>
  );
}
