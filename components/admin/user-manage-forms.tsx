'use client';

import { useTranslations } from 'next-intl';
import { changeUserGrantAction } from '@/lib/actions/change-user-grant';
import { resetUserPasswordAction } from '@/lib/actions/reset-user-password';
import { setUserActiveAction } from '@/lib/actions/set-user-active';
import { ROLES, type Role } from '@/lib/schemas/enums';
import { ActionForm } from '@/components/ui/action-form';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { SelectField } from '@/components/ui/select-field';

type User = {
  id: string;
  name: string;
  isActive: boolean;
  grants: Array<{ id: string; role: Role; agencyName: string }>;
};

/** Per-user administration: deactivate or reactivate, add and remove role grants, set a new password. */
export function UserManageForms({ user, agencies, isSelf }: { user: User; agencies: PickerAgency[]; isSelf: boolean }) {
  const t = useTranslations('admin.users');
  const tr = useTranslations('roles');
  return (
    <div className="user-manage">
      <ul className="plain-list">
        {user.grants.map((g) => (
          <li key={g.id}>
            {tr(g.role)} · {g.agencyName}
            {user.grants.length > 1 && (
              <ActionForm
                action={changeUserGrantAction}
                label={t('removeGrantOf', { role: tr(g.role), agency: g.agencyName })}
                submit={t('removeGrant')}
                done={t('grantRemoved')}
                hidden={{ op: 'REMOVE', userId: user.id, grantId: g.id }}
                tone="danger"
                confirm={t('removeGrantOf', { role: tr(g.role), agency: g.agencyName })}
                className="inline-form"
              />
            )}
          </li>
        ))}
      </ul>
      <ActionForm
        action={changeUserGrantAction}
        label={t('addGrantFor', { name: user.name })}
        submit={t('addGrant')}
        done={t('grantAdded')}
        hidden={{ op: 'ADD', userId: user.id }}
        className="filter-bar"
      >
        {/* No default: a grant is a deliberate choice, never administrator of the province by accident. */}
        <SelectField
          name="role"
          label={t('role')}
          placeholder={t('chooseRole')}
          options={ROLES.map((r) => ({ value: r, label: tr(r) }))}
          required
        />
        <AgencyPicker name="agencyId" label={t('scope')} agencies={agencies} required />
      </ActionForm>
      <ActionForm
        action={resetUserPasswordAction}
        label={t('resetPasswordFor', { name: user.name })}
        submit={t('resetPassword')}
        done={t('passwordReset')}
        hidden={{ userId: user.id }}
        className="filter-bar"
      >
        <label>
          {t('newPassword')}
          <input name="password" type="password" minLength={10} required autoComplete="new-password" />
        </label>
      </ActionForm>
      {!isSelf && (
        <ActionForm
          action={setUserActiveAction}
          label={user.isActive ? t('deactivateName', { name: user.name }) : t('reactivateName', { name: user.name })}
          submit={user.isActive ? t('deactivate') : t('reactivate')}
          done={user.isActive ? t('deactivated') : t('reactivated')}
          hidden={{ userId: user.id, isActive: user.isActive ? 'false' : 'true' }}
          confirm={user.isActive ? t('deactivateConfirm', { name: user.name }) : undefined}
          tone={user.isActive ? 'danger' : undefined}
          className="inline-form"
        />
      )}
    </div>
  );
}
