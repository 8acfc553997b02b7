'use client';

import { useTranslations } from 'next-intl';
import { recordAccountLifecycleAction } from '@/lib/actions/record-account-lifecycle';
import { attachCredentialAction } from '@/lib/actions/attach-credential';
import { ActionForm } from '@/components/ui/action-form';
import { SelectField } from '@/components/ui/select-field';

type Account = {
  id: string;
  displayName: string;
  handle: string;
  url: string | null;
  lifecycle: string;
  credentialId: string | null;
};

/** `today` is the Beijing day on the server's clock: a later day would be refused as in the future. */
function FilingFields({ today }: { today: string }) {
  const t = useTranslations('admin.lifecycle');
  return (
    <>
      <label>
        {t('filingNumber')}
        <input name="filingNumber" required />
      </label>
      <label>
        {t('effectiveAt')}
        <input name="effectiveAt" type="date" required max={today} defaultValue={today} />
      </label>
    </>
  );
}

/** Change, close or reopen, whichever the account's state allows. */
export function AccountLifecycleForms({ account, today }: { account: Account; today: string }) {
  const t = useTranslations('admin.lifecycle');
  if (account.lifecycle === 'CLOSED') {
    return (
      <ActionForm
        key="reopen"
        action={recordAccountLifecycleAction}
        label={t('reopen')}
        submit={t('reopen')}
        done={t('recorded')}
        hidden={{ event: 'REOPEN', accountId: account.id }}
      >
        <FilingFields today={today} />
        <label>
          {t('note')}
          <input name="note" />
        </label>
      </ActionForm>
    );
  }
  return (
    <>
      <ActionForm
        key="change"
        action={recordAccountLifecycleAction}
        label={t('change')}
        submit={t('change')}
        done={t('recorded')}
        hidden={{ event: 'CHANGE', accountId: account.id }}
      >
        <label>
          {t('newDisplayName')}
          <input name="displayName" placeholder={account.displayName} />
        </label>
        <label>
          {t('newHandle')}
          <input name="handle" placeholder={account.handle} />
        </label>
        <label>
          {t('newUrl')}
          <input name="url" type="url" placeholder={account.url ?? ''} />
        </label>
        <FilingFields today={today} />
        <label>
          {t('note')}
          <input name="note" />
        </label>
      </ActionForm>
      <ActionForm
        action={recordAccountLifecycleAction}
        label={t('close')}
        submit={t('close')}
        done={t('recorded')}
        hidden={{ event: 'CLOSE', accountId: account.id }}
      >
        <FilingFields today={today} />
        <label>
          {t('reason')}
          <input name="note" required minLength={2} />
        </label>
      </ActionForm>
    </>
  );
}

export function AttachCredentialForm({
  account,
  credentials,
}: {
  account: Account;
  credentials: Array<{ id: string; label: string; secretHint: string }>;
}) {
  const t = useTranslations('admin.credentials');
  return (
    <ActionForm
      action={attachCredentialAction}
      label={t('attach')}
      submit={t('attach')}
      done={t('attached')}
      hidden={{ accountId: account.id }}
    >
      {/* The empty choice is a real one: no credential, the crawler reads the account anonymously. */}
      <SelectField
        name="credentialId"
        label={t('credential')}
        defaultValue={account.credentialId ?? ''}
        options={[
          { value: '', label: t('anonymous') },
          ...credentials.map((c) => ({ value: c.id, label: `${c.label} · ${c.secretHint}` })),
        ]}
      />
    </ActionForm>
  );
}
