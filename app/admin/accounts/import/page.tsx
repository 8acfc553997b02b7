import { getTranslations } from 'next-intl/server';
import { ImportAccountsForm } from '@/components/admin/import-accounts-form';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { ACCOUNT_HEADER_NAMES } from '@/lib/import/account-headers';
import { ACCOUNT_IMPORT_COLUMNS } from '@/lib/schemas/account-import';

export const dynamic = 'force-dynamic';

export default async function ImportAccountsPage() {
  await requirePageAccess(ADMIN_ROLES);
  const t = await getTranslations('admin.import');
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">{t('templateHint')}</p>
      <p>
        <a href="/admin/accounts/import/template" download>
          {t('template')}
        </a>
      </p>
      <p className="subtle">
        {t('columns', { columns: ACCOUNT_IMPORT_COLUMNS.map((c) => ACCOUNT_HEADER_NAMES[c]).join('、') })}
      </p>
      <ImportAccountsForm />
    </>
  );
}
