import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { Pagination } from '@/components/ui/pagination';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { PLATFORM_CODES } from '@/lib/schemas/enums';
import { ADMIN_ACCOUNTS_PAGE_SIZE, listAdminAccounts } from '@/lib/services/admin-accounts';
import { platformName } from '@/lib/platforms';

export const dynamic = 'force-dynamic';

const searchSchema = z.object({
  platform: z.enum(PLATFORM_CODES).optional().catch(undefined),
  q: z.string().trim().max(50).optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

export default async function AdminAccountsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await requirePageAccess(ADMIN_ROLES);
  const filter = searchSchema.parse(await searchParams);
  const data = await listAdminAccounts({ access, filter });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const pages = Math.max(1, Math.ceil(data.total / ADMIN_ACCOUNTS_PAGE_SIZE));
  const qs = (p: number) =>
    new URLSearchParams({
      ...(filter.platform ? { platform: filter.platform } : {}),
      ...(filter.q ? { q: filter.q } : {}),
      page: String(p),
    }).toString();
  return (
    <>
      <h1>{t('admin.accounts.title')}</h1>
      <form className="panel filter-bar" role="search">
        <label>
          {t('admin.accounts.search')}
          <input name="q" defaultValue={filter.q ?? ''} />
        </label>
        <label>
          {t('overview.platform')}
          <select name="platform" defaultValue={filter.platform ?? ''}>
            <option value="">—</option>
            {PLATFORM_CODES.map((p) => (
              <option key={p} value={p}>
                {platformName(p, locale)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('admin.accounts.filter')}</button>
        <Link href="/admin/accounts/new">{t('admin.register.title')}</Link>
        <Link href="/admin/accounts/import">{t('admin.import.title')}</Link>
      </form>
      <section className="panel">
        <p className="subtle">{t('admin.accounts.total', { total: data.total })}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('overview.account')}</th>
              <th scope="col">{t('overview.platform')}</th>
              <th scope="col">{t('account.handle')}</th>
              <th scope="col">{t('overview.agency')}</th>
              <th scope="col">{t('account.filing')}</th>
              <th scope="col">{t('admin.lifecycle.state')}</th>
              <th scope="col">{t('admin.lifecycle.manage')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/accounts/${a.id}`}>{a.displayName}</Link>
                </td>
                <td>{platformName(a.platformCode, locale)}</td>
                <td>{a.handle}</td>
                <td>{a.agencyName}</td>
                <td>{t(`account.filingStatus.${a.filingStatus}`)}</td>
                <td>{t(`account.lifecycle.${a.lifecycle}`)}</td>
                <td>
                  <Link
                    href={`/admin/accounts/${a.id}`}
                    aria-label={t('admin.lifecycle.manageOf', { name: a.displayName })}
                  >
                    {t('admin.lifecycle.manage')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination
          page={filter.page}
          pageSize={ADMIN_ACCOUNTS_PAGE_SIZE}
          total={data.total}
          hrefFor={(p) => `/admin/accounts?${qs(p)}`}
          labels={{
            previous: t('common.previous'),
            next: t('common.next'),
            summary: t('common.pageOf', { page: filter.page, pages }),
          }}
        />
      </section>
    </>
  );
}
