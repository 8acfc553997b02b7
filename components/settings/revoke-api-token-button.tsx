'use client';

import { useTranslations } from 'next-intl';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { revokeApiTokenAction } from '@/lib/actions/revoke-api-token';

export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations('apiTokens');
  const form = useActionForm();
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={form.isPending}
        aria-label={t('revokeNamed', { name })}
        onClick={() => {
          if (window.confirm(t('revokeConfirm', { name })))
            form.run(() => revokeApiTokenAction({ tokenId }), { done: () => t('revoked') });
        }}
      >
        {t('revoke')}
      </button>
      <FormMessage message={form.message} as="span" />
    </>
  );
}
