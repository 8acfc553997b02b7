'use client';

import { useTranslations } from 'next-intl';
import { changeUserGrantAction, resetUserPasswordAction, setUserActiveAction } from '@/app/admin/actions';
import { ROLES, type Role } from '@/lib/schemas/enums';
import { ActionForm } from './action-form';

type User = { id: string; name: string; isActive: boolean; grants: Array<{ id: string; role: Role; agencyName: string }> };

/** Per-user administration: deactivate or reactivate, add and remove role grants, set a new password. */
export function UserManageForms({ user, agencies, isSelf }: { user: User; agencies: Array<{ id: string; name: string }>; isSelf: boolean }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  return (
    <div className="user-manage">
      <ul className="plain-list">
        {user.grants.map((g) => (
          <li key={g.id}>
            {tr(g.role)} · {g.agencyName}
            {user.grants.length > 1 && (
              <ActionForm action={changeUserGrantAction} label={t('removeGrantOf', { role: tr(g.role), agency: g.agencyName })} submit={t('removeGrant')} done={t('grantRemoved')}
                hidden={{ op: 'REMOVE', userId: user.id, grantId: g.id }} className="inline-form" />
            )}
          </li>
        ))}
      </ul>
      <ActionForm action={changeUserGrantAction} label={t('addGrantFor', { name: user.name })} submit={t('addGrant')} done={t('grantAdded')} hidden={{ op: 'ADD', userId: user.id }} className="filter-bar">
        <label>{t('role')}<select name="role">{ROLES.map((r) => <option key={r} value={r}>{tr(r)}</option>)}</select></label>
        <label>{t('scope')}<select name="agencyId">{agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select></label>
      </ActionForm>
      <ActionForm action={resetUserPasswordAction} label={t('resetPasswordFor', { name: user.name })} submit={t('resetPassword')} done={t('passwordReset')} hidden={{ userId: user.id }} className="filter-bar">
        <label>{t('newPassword')}<input name="password" type="password" minLength={10} required autoComplete="new-password" /></label>
      </ActionForm>
      {!isSelf && (
        <ActionForm action={setUserActiveAction} label={user.isActive ? t('deactivateName', { name: user.name }) : t('reactivateName', { name: user.name })}
          submit={user.isActive ? t('deactivate') : t('reactivate')} done={user.isActive ? t('deactivated') : t('reactivated')}
          hidden={{ userId: user.id, isActive: user.isActive ? 'false' : 'true' }} confirm={user.isActive ? t('deactivateConfirm', { name: user.name }) : undefined} className="inline-form" />
      )}
    </div>
  );
}
