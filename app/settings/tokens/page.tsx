import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { ApiTokenForm } from '@/components/settings/api-token-form';
import { RevokeApiTokenButton } from '@/components/settings/revoke-api-token-button';
import { READ_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { getApiTokenPage } from '@/lib/services/manage-api-tokens';

export const dynamic = 'force-dynamic';

export default async function ApiTokensPage() {
  const access = await requirePageAccess(READ_ROLES);
  const now = new Date();
  const [{ tokens, agencies, owners, roles }, t, tr, format] = await Promise.all([
    getApiTokenPage({ access, now }),
    getTranslations('apiTokens'),
    getTranslations('roles'),
    getFormatter(),
  ]);
  const when = (iso: string | null) =>
    iso ? (
      <time dateTime={iso}>{format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' })}</time>
    ) : (
      '—'
    );
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">
        {t('intro')} <Link href="/settings/api">{t('reference')}</Link>
      </p>
      <ApiTokenForm agencies={agencies} owners={owners} roles={roles} />
      <section className="panel">
        <h2>{t('list')}</h2>
        {tokens.length === 0 ? (
          <p className="subtle">{t('none')}</p>
        ) : (
          <table className="stack">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('prefix')}</th>
                <th scope="col">{t('owner')}</th>
                <th scope="col">{t('grant')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">{t('expiresAt')}</th>
                <th scope="col">{t('lastUsedAt')}</th>
                <th scope="col">
                  <span className="sr-only">{t('revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((k) => (
                <tr key={k.id} data-testid="api-token-row">
                  <td data-label={t('name')}>{k.name}</td>
                  <td data-label={t('prefix')}>
                    <code>{k.prefix}…</code>
                  </td>
                  <td data-label={t('owner')}>{k.userName}</td>
                  <td data-label={t('grant')}>
                    {tr(k.role)} · {k.agencyName}
                  </td>
                  <td data-label={t('state')}>
                    <span className={`badge ${k.state === 'ACTIVE' ? 'ok' : 'bad'}`}>{t(`states.${k.state}`)}</span>
                  </td>
                  <td data-label={t('expiresAt')}>{when(k.expiresAt)}</td>
                  <td data-label={t('lastUsedAt')}>{when(k.lastUsedAt)}</td>
                  <td className="actions">
                    {k.state === 'ACTIVE' && <RevokeApiTokenButton tokenId={k.id} name={k.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
