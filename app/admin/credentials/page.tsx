import { getFormatter, getTranslations } from 'next-intl/server';
import { AddCredentialForm, DeleteCredentialForm, ReplaceCredentialForm } from '@/components/admin/credential-forms';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { credentialKindSchema } from '@/lib/schemas/credential';
import { listCredentials } from '@/lib/services/manage-credentials';

export const dynamic = 'force-dynamic';

export default async function AdminCredentialsPage() {
  const access = await requirePageAccess(ADMIN_ROLES);
  const credentials = await listCredentials({ access });
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const when = (iso: string | null) =>
    iso ? format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  return (
    <>
      <h1>{t('admin.credentials.title')}</h1>
      <p className="subtle">{t('admin.credentials.explain')}</p>
      <AddCredentialForm />
      <section className="panel" aria-label={t('admin.credentials.list')}>
        {credentials.length === 0 ? (
          <p className="empty">{t('admin.credentials.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.credentials.label')}</th>
                <th scope="col">{t('admin.credentials.kind')}</th>
                <th scope="col">{t('admin.credentials.hint')}</th>
                <th scope="col">{t('admin.credentials.expiresAt')}</th>
                <th scope="col">{t('admin.credentials.lastUsedAt')}</th>
                <th scope="col">{t('admin.credentials.lastError')}</th>
                <th scope="col">{t('admin.credentials.accounts')}</th>
                <th scope="col">{t('admin.credentials.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {credentials.map((c) => {
                const kind = credentialKindSchema.safeParse(c.kind);
                return (
                  <tr key={c.id}>
                    <td>{c.label}</td>
                    <td>{kind.success ? t(`admin.credentials.kinds.${kind.data}`) : c.kind}</td>
                    <td>
                      <code>{c.secretHint}</code>
                    </td>
                    <td>{when(c.expiresAt)}</td>
                    <td>{when(c.lastUsedAt)}</td>
                    <td className={c.lastError ? 'error' : undefined}>{c.lastError ?? '—'}</td>
                    <td>{c.accounts}</td>
                    <td>
                      {kind.success && (
                        <details>
                          <summary>{t('admin.credentials.replace')}</summary>
                          <ReplaceCredentialForm id={c.id} kind={kind.data} label={c.label} />
                        </details>
                      )}
                      <DeleteCredentialForm id={c.id} label={c.label} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
