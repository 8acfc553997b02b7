'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { addCredentialAction } from '@/lib/actions/add-credential';
import { deleteCredentialAction } from '@/lib/actions/delete-credential';
import { replaceCredentialAction } from '@/lib/actions/replace-credential';
import { CREDENTIAL_KINDS, type CredentialKind } from '@/lib/schemas/credential';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField } from '@/components/ui/select-field';

/** Secret inputs for one kind; password inputs so a secret is never echoed on screen. */
function SecretFields({ kind }: { kind: CredentialKind }) {
  const t = useTranslations('admin.credentials');
  const secret = (name: string) => (
    <label key={name}>
      {t(`fields.${name}`)}
      <input name={name} type="password" autoComplete="off" required />
    </label>
  );
  if (kind === 'WECHAT_OFFICIAL_API')
    return (
      <>
        <label>
          {t('fields.appId')}
          <input name="appId" placeholder="wx…" required autoComplete="off" />
        </label>
        {secret('appSecret')}
      </>
    );
  if (kind === 'WECHAT_MP_BACKEND')
    return (
      <>
        {secret('cookie')}
        {secret('token')}
      </>
    );
  return secret('cookie');
}

export function AddCredentialForm() {
  const t = useTranslations('admin.credentials');
  const [kind, setKind] = useState<CredentialKind>('WEIBO_COOKIE');
  return (
    <ActionForm action={addCredentialAction} label={t('add')} submit={t('add')} done={t('added')}>
      <label>
        {t('label')}
        <input name="label" required minLength={2} />
      </label>
      {/* Controlled: the secret fields below follow the chosen kind. */}
      <SelectField
        name="kind"
        label={t('kind')}
        value={kind}
        onChange={(value) => setKind(CREDENTIAL_KINDS.find((k) => k === value) ?? kind)}
        options={CREDENTIAL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <SecretFields kind={kind} />
      <label>
        {t('expiresAt')}
        <input name="expiresAt" type="date" />
      </label>
    </ActionForm>
  );
}

export function ReplaceCredentialForm({ id, kind, label }: { id: string; kind: CredentialKind; label: string }) {
  const t = useTranslations('admin.credentials');
  return (
    <ActionForm
      action={replaceCredentialAction}
      label={t('replaceOf', { label })}
      submit={t('replace')}
      done={t('replaced')}
      hidden={{ id, kind }}
      className="filter-bar"
    >
      <SecretFields kind={kind} />
      <label>
        {t('expiresAt')}
        <input name="expiresAt" type="date" />
      </label>
    </ActionForm>
  );
}

export function DeleteCredentialForm({ id, label }: { id: string; label: string }) {
  const t = useTranslations('admin.credentials');
  return (
    <ActionForm
      action={deleteCredentialAction}
      label={t('deleteOf', { label })}
      submit={t('delete')}
      done={t('deleted')}
      hidden={{ id }}
      confirm={t('confirmDelete', { label })}
      className="filter-bar"
    />
  );
}
