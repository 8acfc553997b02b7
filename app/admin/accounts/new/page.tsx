import { getTranslations } from 'next-intl/server';
import { RegisterAccountForm } from '@/components/admin/register-account-form';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listAdminAgencyOptions } from '@/lib/services/admin-accounts';

export const dynamic = 'force-dynamic';

export default async function RegisterAccountPage() {
  const access = await requirePageAccess(ADMIN_ROLES);
  const agencies = await listAdminAgencyOptions({ access });
  const t = await getTranslations('admin.register');
  return (
    <>
      <h1>{t('title')}</h1>
      <RegisterAccountForm agencies={agencies} />
    </>
  );
}
