'use client';

import { useTranslations } from 'next-intl';
import { recordAccountLifecycleAction } from '@/app/admin/accounts/[id]/actions';
import { attachCredentialAction } from '@/app/admin/credentials/actions';
import { ActionForm } from './action-form';

type Account = { id: string; displayName: string; handle: string; url: string | null; lifecycle: string; credentialId: string | null };

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

function FilingFields() {
  const t = useTranslations('admin.lifecycle');
  return (
    <>
      <label>{t('filingNumber')}<input name="filingNumber" required /></label>
      <label>{t('effectiveAt')}<input name="effectiveAt" type="date" required defaultValue={today()} /></label>
    </>
  );
}

/** Change, close or reopen, whichever the account's state allows. */
export function AccountLifecycleForms({ account }: { account: Account }) {
  const t = useTranslations('admin.lifecycle');
  if (account.lifecycle === 'CLOSED') {
    return (
      <ActionForm key="reopen" action={recordAccountLifecycleAction} label={t('reopen')} submit={t('reopen')} done={t('recorded')} hidden={{ event: 'REOPEN', accountId: account.id }}>
        <FilingFields />
        <label>{t('note')}<input name="note" /></label>
      </ActionForm>
    );
  }
  return (
    <>
      <ActionForm key="change" action={recordAccountLifecycleAction} label={t('change')} submit={t('change')} done={t('recorded')} hidden={{ event: 'CHANGE', accountId: account.id }}>
        <label>{t('newDisplayName')}<input name="displayName" placeholder={account.displayName} /></label>
        <label>{t('newHandle')}<input name="handle" placeholder={account.handle} /></label>
        <label>{t('newUrl')}<input name="url" type="url" placeholder={account.url ?? ''} /></label>
        <FilingFields />
        <label>{t('note')}<input name="note" /></label>
      </ActionForm>
      <ActionForm action={recordAccountLifecycleAction} label={t('close')} submit={t('close')} done={t('recorded')} hidden={{ event: 'CLOSE', accountId: account.id }}>
        <FilingFields />
        <label>{t('reason')}<input name="note" required minLength={2} /></label>
      </ActionForm>
    </>
  );
}

export function AttachCredentialForm({ account, credentials }: { account: Account; credentials: Array<{ id: string; label: string; secretHint: string }> }) {
  const t = useTranslations('admin.credentials');
  return (
    <ActionForm action={attachCredentialAction} label={t('attach')} submit={t('attach')} done={t('attached')} hidden={{ accountId: account.id }}>
      <label>{t('credential')}
        <select name="credentialId" defaultValue={account.credentialId ?? ''}>
          <option value="">{t('anonymous')}</option>
          {credentials.map((c) => <option key={c.id} value={c.id}>{c.label} · {c.secretHint}</option>)}
        </select>
      </label>
    </ActionForm>
  );
}
