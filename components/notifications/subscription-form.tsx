'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { useActionForm } from '@/components/ui/use-action-form';
import { saveSubscriptionAction } from '@/lib/actions/save-subscription';
import { ALERT_KINDS } from '@/lib/schemas/alert';
import { subscriptionInputSchema, type ChannelDto } from '@/lib/schemas/notification';
import './notifications.css';

type Option = { id: string; name: string };

/** Subscribes a user (the caller, or for administrators a user of their subtree) to alert kinds of an agency subtree. */
export function SubscriptionForm({
  agencies,
  channels,
  users,
}: {
  agencies: PickerAgency[];
  channels: ChannelDto[];
  users: Option[];
}) {
  const t = useTranslations('notifications');
  const ta = useTranslations('alerts.kinds');
  const form = useActionForm();
  const [mode, setMode] = useState<'IMMEDIATE' | 'DIGEST'>('IMMEDIATE');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = event.currentTarget;
    const data = new FormData(f);
    const input = { ...Object.fromEntries(data), kinds: data.getAll('kinds') };
    if (!form.check(subscriptionInputSchema, input)) return;
    form.run(() => saveSubscriptionAction(input), { done: () => t('subscribed'), then: () => f.reset() });
  }

  if (channels.length === 0) return <p className="subtle">{t('addChannelFirst')}</p>;
  return (
    <form
      className="filter-bar"
      onSubmit={onSubmit}
      aria-label={t('subscribe')}
      noValidate
      data-testid="subscription-form"
    >
      {users.length > 1 && (
        <SelectField
          name="userId"
          label={t('subscriber')}
          options={users.map((u) => ({ value: u.id, label: u.name }))}
          error={form.errorOf('userId')}
        />
      )}
      {/* The caller's own scope to start with; a branch below it is chosen in the tree. */}
      <AgencyPicker name="agencyId" label={t('agency')} agencies={agencies} defaultValue={agencies[0]?.id} required />
      <FieldError text={form.errorOf('agencyId')} />
      <SelectField
        name="channelId"
        label={t('channel')}
        options={channels.map((c) => ({ value: c.id, label: `${c.label}（${t(`kinds.${c.kind}`)}）` }))}
        error={form.errorOf('channelId')}
      />
      <fieldset className="notify-choices wide">
        <legend>{t('alertKinds')}</legend>
        {ALERT_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="checkbox" name="kinds" value={k} defaultChecked={k !== 'PARSER_DRIFT'} />
            {ta(k)}
          </label>
        ))}
        <FieldError text={form.errorOf('kinds')} />
      </fieldset>
      <fieldset className="notify-choices">
        <legend>{t('mode')}</legend>
        <label className="checkbox">
          <input
            type="radio"
            name="mode"
            value="IMMEDIATE"
            checked={mode === 'IMMEDIATE'}
            onChange={() => setMode('IMMEDIATE')}
          />
          {t('modes.IMMEDIATE')}
        </label>
        <label className="checkbox">
          <input
            type="radio"
            name="mode"
            value="DIGEST"
            checked={mode === 'DIGEST'}
            onChange={() => setMode('DIGEST')}
          />
          {t('modes.DIGEST')}
        </label>
      </fieldset>
      {mode === 'IMMEDIATE' ? (
        <>
          <label>
            {t('quietStart')}
            <input name="quietStart" type="time" defaultValue="22:00" />
          </label>
          <label>
            {t('quietEnd')}
            <input name="quietEnd" type="time" defaultValue="07:00" />
            <FieldError text={form.errorOf('quietEnd')} />
          </label>
        </>
      ) : (
        <label>
          {t('digestTime')}
          <input name="digestTime" type="time" defaultValue="08:30" />
          <FieldError text={form.errorOf('digestTime')} />
        </label>
      )}
      <button type="submit" disabled={form.isPending}>
        {t('subscribe')}
      </button>
      <FormMessage message={form.message} />
      <p className="subtle">{t('beijingTime')}</p>
    </form>
  );
}
