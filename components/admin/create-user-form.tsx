'use client';

import { useTranslations } from 'next-intl';
import { createUserAction } from '@/lib/actions/create-user';
import { ROLES } from '@/lib/schemas/enums';
import { ActionForm } from '@/components/ui/action-form';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { SelectField } from '@/components/ui/select-field';

/** One role grant at creation; more are added on the user's page. */
const toInput = (f: FormData) => ({
  name: f.get('name'),
  email: f.get('email'),
  password: f.get('password'),
  grants: [{ role: f.get('role'), agencyId: f.get('agencyId') }],
});

export function CreateUserForm({ agencies }: { agencies: PickerAgency[] }) {
  const t = useTranslations();
  return (
    <ActionForm
      action={createUserAction}
      toInput={toInput}
      label={t('admin.users.create')}
      submit={t('admin.users.create')}
      done={t('admin.users.created')}
    >
      <label>
        {t('admin.users.name')}
        <input name="name" required />
      </label>
      <label>
        {t('login.email')}
        <input name="email" type="email" required />
      </label>
      <label>
        {t('login.password')}
        <input name="password" type="password" minLength={10} required />
      </label>
      <SelectField
        name="role"
        label={t('admin.users.role')}
        placeholder={t('admin.users.chooseRole')}
        options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        required
      />
      <AgencyPicker name="agencyId" label={t('admin.users.scope')} agencies={agencies} required />
    </ActionForm>
  );
}
