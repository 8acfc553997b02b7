import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { AccountLifecycleForms, AttachCredentialForm } from '@/components/admin/account-lifecycle-forms';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { isAppError } from '@/lib/errors';
import { listCredentials } from '@/lib/services/manage-credentials';
import { getAccountLifecycle } from '@/lib/services/record-account-lifecycle';
import { beijingToday } from '@/lib/time';
import { platformName } from '@/lib/platforms';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });
const FIELDS = new Set(['displayName', 'handle', 'url']);

export default async function AdminAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const access = await requirePageAccess(ADMIN_ROLES);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { account, events } = await getAccountLifecycle({ access, accountId: parsed.data.id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  const credentials = await listCredentials({ access, platformCode: account.platformCode });
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const day = (d: Date | string | null) =>
    d ? format.dateTime(new Date(d), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }) : '—';
  const forForm = {
    id: account.id,
    displayName: account.displayName,
    handle: account.handle,
    url: account.url,
    lifecycle: account.lifecycle,
    credentialId: account.credentialId,
  };
  return (
    <>
      <p className="subtle">
        <Link href="/admin/accounts">{t('admin.accounts.title')}</Link> · {account.agency.name} ·{' '}
        {platformName(account.platformCode, locale)}
      </p>
      <h1>{account.displayName}</h1>
      <p className="subtle">
        {t('account.handle')}: {account.handle} · {t('account.filing')}: {account.filingNumber ?? '—'} (
        {t(`account.filingStatus.${account.filingStatus}`)}) ·{' '}
        <span className="badge">{t(`account.lifecycle.${account.lifecycle}`)}</span>
        {account.closedAt && ` · ${t('admin.lifecycle.closedAt')} ${day(account.closedAt)}`} ·{' '}
        <Link href={`/accounts/${account.id}`}>{t('admin.lifecycle.viewAccount')}</Link>
      </p>
      <h2>{t('admin.lifecycle.title')}</h2>
      <AccountLifecycleForms account={forForm} today={beijingToday(new Date())} />
      {credentials.length > 0 || account.credentialId ? (
        <AttachCredentialForm
          account={forForm}
          credentials={credentials.map((c) => ({ id: c.id, label: c.label, secretHint: c.secretHint }))}
        />
      ) : (
        <p className="subtle">
          {t('admin.credentials.noneForPlatform')} <Link href="/admin/credentials">{t('admin.credentials.title')}</Link>
        </p>
      )}
      <section className="panel" aria-label={t('admin.lifecycle.history')}>
        <h2>{t('admin.lifecycle.history')}</h2>
        {events.length === 0 ? (
          <p className="empty">{t('admin.lifecycle.noEvents')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.lifecycle.effectiveAt')}</th>
                <th scope="col">{t('admin.lifecycle.event')}</th>
                <th scope="col">{t('admin.lifecycle.filingNumber')}</th>
                <th scope="col">{t('admin.lifecycle.changes')}</th>
                <th scope="col">{t('admin.lifecycle.note')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{day(e.effectiveAt)}</td>
                  <td>{t(`admin.lifecycle.events.${e.lifecycle}`)}</td>
                  <td>{e.filingNumber ?? '—'}</td>
                  <td>
                    {Object.entries(e.changes).map(([field, c]) => (
                      <div key={field}>
                        {FIELDS.has(field) ? t(`admin.lifecycle.fields.${field}`) : field}: {String(c.from ?? '—')} →{' '}
                        {String(c.to ?? '—')}
                      </div>
                    ))}
                  </td>
                  <td>{e.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
