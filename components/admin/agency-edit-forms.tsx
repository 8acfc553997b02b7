'use client';

import { useTranslations } from 'next-intl';
import { moveAgencyAction } from '@/lib/actions/move-agency';
import { renameAgencyAction } from '@/lib/actions/rename-agency';
import { ActionForm } from '@/components/ui/action-form';

type Props = {
  agency: { id: string; name: string; parentId: string | null };
  targets: Array<{ id: string; name: string; depth: number }>;
};

export function AgencyEditForms({ agency, targets }: Props) {
  const t = useTranslations('admin.agencyEdit');
  return (
    <>
      <ActionForm
        action={renameAgencyAction}
        label={t('rename')}
        submit={t('rename')}
        done={t('renamed')}
        hidden={{ id: agency.id }}
      >
        <label>
          {t('newName')}
          <input name="name" required minLength={2} defaultValue={agency.name} />
        </label>
      </ActionForm>
      <ActionForm
        action={moveAgencyAction}
        label={t('move')}
        submit={t('move')}
        done={t('moved')}
        hidden={{ id: agency.id }}
      >
        <label>
          {t('newParent')}
          <select name="parentId" defaultValue={agency.parentId ?? ''} required>
            <option value="" disabled>
              —
            </option>
            {targets.map((p) => (
              <option key={p.id} value={p.id}>{`${'　'.repeat(p.depth)}${p.name}`}</option>
            ))}
          </select>
        </label>
      </ActionForm>
    </>
  );
}
