'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/ui/action-form';
import { deleteNotificationChannelAction } from '@/lib/actions/delete-notification-channel';
import { deleteSubscriptionAction } from '@/lib/actions/delete-subscription';
import { sendTestMessageAction } from '@/lib/actions/send-test-message';
import { toggleSubscriptionAction } from '@/lib/actions/toggle-subscription';

export function SendTestButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations('notifications');
  return (
    <ActionForm
      action={sendTestMessageAction}
      submit={t('sendTest')}
      done={t('testQueued')}
      hidden={{ channelId: id }}
      className="inline-form"
      label={t('sendTestTo', { label })}
    />
  );
}

export function DeleteChannelButton({ id, label }: { id: string; label: string }) {
  const t = useTranslations('notifications');
  return (
    <ActionForm
      action={deleteNotificationChannelAction}
      submit={t('delete')}
      hidden={{ id }}
      confirm={t('confirmDeleteChannel', { label })}
      className="inline-form"
    />
  );
}

export function ToggleSubscriptionButton({ id, isActive }: { id: string; isActive: boolean }) {
  const t = useTranslations('notifications');
  return (
    <ActionForm
      action={toggleSubscriptionAction}
      submit={isActive ? t('pause') : t('resume')}
      hidden={{ id, isActive: String(!isActive) }}
      className="inline-form"
    />
  );
}

export function DeleteSubscriptionButton({ id }: { id: string }) {
  const t = useTranslations('notifications');
  return (
    <ActionForm
      action={deleteSubscriptionAction}
      submit={t('delete')}
      hidden={{ id }}
      confirm={t('confirmDeleteSubscription')}
      className="inline-form"
    />
  );
}
