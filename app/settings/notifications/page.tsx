import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ChannelForm } from '@/components/notifications/channel-form';
import {
  DeleteChannelButton,
  DeleteSubscriptionButton,
  SendTestButton,
  ToggleSubscriptionButton,
} from '@/components/notifications/row-actions';
import { SubscriptionForm } from '@/components/notifications/subscription-form';
import { REVIEW_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { getNotificationSettings } from '@/lib/services/get-notification-settings';

export const dynamic = 'force-dynamic';

export default async function NotificationsPage() {
  const access = await requirePageAccess(REVIEW_ROLES);
  const [{ channels, subscriptions, agencies, users }, t, ta] = await Promise.all([
    getNotificationSettings({ access }),
    getTranslations('notifications'),
    getTranslations('alerts.kinds'),
  ]);
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="subtle">
        {t('intro')} <Link href="/settings/notifications/deliveries">{t('deliveryLog')}</Link>
      </p>

      <section className="panel" aria-labelledby="channels-heading">
        <h2 id="channels-heading">{t('channels')}</h2>
        {channels.length === 0 ? (
          <p className="subtle">{t('noChannels')}</p>
        ) : (
          <table className="stack" data-testid="channel-table">
            <thead>
              <tr>
                <th scope="col">{t('label')}</th>
                <th scope="col">{t('channelKind')}</th>
                <th scope="col">{t('address')}</th>
                <th scope="col">
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => (
                <tr key={c.id}>
                  <td data-label={t('label')}>{c.label}</td>
                  <td data-label={t('channelKind')}>{t(`kinds.${c.kind}`)}</td>
                  <td data-label={t('address')}>
                    <code>{c.secretHint}</code>
                  </td>
                  <td className="actions">
                    <SendTestButton id={c.id} label={c.label} />
                    <DeleteChannelButton id={c.id} label={c.label} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('addChannel')}</h3>
        <ChannelForm />
      </section>

      <section className="panel" aria-labelledby="subscriptions-heading">
        <h2 id="subscriptions-heading">{t('subscriptions')}</h2>
        {subscriptions.length === 0 ? (
          <p className="subtle">{t('noSubscriptions')}</p>
        ) : (
          <table className="stack" data-testid="subscription-table">
            <thead>
              <tr>
                <th scope="col">{t('subscriber')}</th>
                <th scope="col">{t('agency')}</th>
                <th scope="col">{t('alertKinds')}</th>
                <th scope="col">{t('channel')}</th>
                <th scope="col">{t('mode')}</th>
                <th scope="col">{t('state')}</th>
                <th scope="col">
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {subscriptions.map((s) => (
                <tr key={s.id}>
                  <td data-label={t('subscriber')}>{s.userName}</td>
                  <td data-label={t('agency')}>{t('subtreeOf', { name: s.agencyName })}</td>
                  <td data-label={t('alertKinds')}>{s.kinds.map((k) => ta(k as never)).join('、')}</td>
                  <td data-label={t('channel')}>
                    {s.channelLabel}（{t(`kinds.${s.channelKind}`)}）
                  </td>
                  <td data-label={t('mode')}>
                    {s.mode === 'DIGEST'
                      ? t('digestAt', { time: s.digestTime })
                      : s.quietStart
                        ? t('immediateQuiet', { from: s.quietStart, to: s.quietEnd ?? '' })
                        : t('modes.IMMEDIATE')}
                  </td>
                  <td data-label={t('state')}>
                    <span className={`badge ${s.isActive ? 'ok' : 'bad'}`}>
                      {s.isActive ? t('active') : t('paused')}
                    </span>
                  </td>
                  <td className="actions">
                    <ToggleSubscriptionButton id={s.id} isActive={s.isActive} />
                    <DeleteSubscriptionButton id={s.id} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3>{t('subscribe')}</h3>
        <SubscriptionForm agencies={agencies} channels={channels} users={users} />
        <p className="subtle">{t('inAppNote')}</p>
      </section>
    </>
  );
}
