import { getTranslations } from 'next-intl/server';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UserManageForms } from '@/components/admin/user-manage-forms';
import { ADMIN_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { listAdminAgencyOptions } from '@/lib/services/admin-accounts';
import { listUsers } from '@/lib/services/list-users';

export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const access = await requirePageAccess(ADMIN_ROLES);
  const [users, agencies] = await Promise.all([listUsers({ access }), listAdminAgencyOptions({ access })]);
  const t = await getTranslations();
  return (
    <>
      <h1>{t('admin.users.title')}</h1>
      <CreateUserForm agencies={agencies} />
      <section className="panel">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('login.email')}</th>
              <th scope="col">{t('admin.users.state')}</th>
              <th scope="col">{t('admin.users.grants')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row">
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>
                  <span className={`badge ${u.isActive ? 'ok' : 'bad'}`}>
                    {t(u.isActive ? 'admin.users.active' : 'admin.users.inactive')}
                  </span>
                </td>
                <td>
                  <UserManageForms user={u} agencies={agencies} isSelf={u.id === access.userId} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
