'use client';

import { useTranslations } from 'next-intl';
import { addAgencyAction } from '@/lib/actions/add-agency';
import { AGENCY_LEVELS } from '@/lib/schemas/enums';
import { ActionForm } from '@/components/ui/action-form';

export function AddAgencyForm({ parents }: { parents: Array<{ id: string; name: string }> }) {
  const t = useTranslations();
  return (
    <ActionForm
      action={addAgencyAction}
      label={t('admin.agencies.add')}
      submit={t('admin.agencies.add')}
      done={t('admin.agencies.created')}
    >
      <label>
        {t('admin.agencies.parent')}
        <select name="parentId">
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('agency.name')}
        <input name="name" required minLength={2} />
      </label>
      <label>
        {t('agency.level')}
        <select name="level">
          {AGENCY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`agency.levels.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('admin.agencies.code')}
        <input name="code" />
      </label>
      <label>
        {t('admin.agencies.namingRule')}
        <input name="namingRule" placeholder="发布$" />
      </label>
      <label>
        <span>{t('agency.supervisingUnit')}</span>
        <input type="checkbox" name="isSupervisingUnit" />
      </label>
    </ActionForm>
  );
}
