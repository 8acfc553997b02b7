'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { addNotificationChannelAction } from '@/lib/actions/add-notification-channel';
import {
  CHANNEL_KINDS,
  channelFormInput,
  createChannelInputSchema,
  type ChannelKind,
} from '@/lib/schemas/notification';

/** Adds a WeCom robot, a DingTalk robot or an email channel. The secret fields are write-only: never shown again. */
export function ChannelForm() {
  const t = useTranslations('notifications');
  const form = useActionForm();
  const [kind, setKind] = useState<ChannelKind>('WECOM');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = event.currentTarget;
    const input = channelFormInput(Object.fromEntries(new FormData(f)));
    if (!form.check(createChannelInputSchema, input)) return;
    form.run(() => addNotificationChannelAction(Object.fromEntries(new FormData(f))), {
      done: () => t('channelAdded'),
      then: () => f.reset(),
    });
  }
  // The nested schema reports secret.* paths under "secret"; show them next to the fields of the chosen kind.
  const secretError = form.errorOf('secret');

  return (
    <form className="filter-bar" onSubmit={onSubmit} aria-label={t('addChannel')} noValidate data-testid="channel-form">
      {/* Controlled: the fields below follow the chosen kind. */}
      <SelectField
        name="kind"
        label={t('channelKind')}
        value={kind}
        onChange={(value) => setKind(CHANNEL_KINDS.find((k) => k === value) ?? kind)}
        options={CHANNEL_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        error={form.errorOf('kind')}
      />
      <label>
        {t('label')}
        <input name="label" required maxLength={80} placeholder={t('labelPlaceholder')} />
        <FieldError text={form.errorOf('label')} />
      </label>
      {kind !== 'EMAIL' && (
        <label className="wide">
          {t('webhookUrl')}
          <input
            name="webhookUrl"
            type="url"
            required
            autoComplete="off"
            placeholder={
              kind === 'WECOM'
                ? 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…'
                : 'https://oapi.dingtalk.com/robot/send?access_token=…'
            }
          />
        </label>
      )}
      {kind === 'DINGTALK' && (
        <>
          <label>
            {t('dingSecret')}
            <input name="secret" type="password" required autoComplete="off" placeholder="SEC…" />
          </label>
          <label>
            {t('atMobiles')}
            <input name="atMobiles" inputMode="tel" placeholder="13800000000, 13900000000" />
          </label>
        </>
      )}
      {kind === 'EMAIL' && (
        <label className="wide">
          {t('recipients')}
          <input name="to" required placeholder="duchayuan@example.gov.cn" />
        </label>
      )}
      <FieldError text={secretError} />
      <button type="submit" disabled={form.isPending}>
        {t('addChannel')}
      </button>
      <FormMessage message={form.message} />
      <p className="subtle">{t('secretNote')}</p>
    </form>
  );
}
