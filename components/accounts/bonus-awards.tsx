import { useFormatter, useTranslations } from 'next-intl';
import { awardBonusAction } from '@/lib/actions/award-bonus';
import { revokeBonusAction } from '@/lib/actions/revoke-bonus';
import { ActionForm } from '@/components/ui/action-form';
import type { BonusAwardDto } from '@/lib/data/bonus-awards';
import type { BonusItem } from '@/lib/scoring';

type Props = { accountId: string; awards: BonusAwardDto[]; items: BonusItem[]; canAward: boolean };

/** 加分 awarded to the account; supervisors of its subtree award and revoke here. */
export function BonusAwards({ accountId, awards, items, canAward }: Props) {
  const t = useTranslations('account.bonus');
  const format = useFormatter();
  return (
    <section className="panel" aria-label={t('title')}>
      <h2>{t('title')}</h2>
      <p className="subtle">{t('explain')}</p>
      {awards.length === 0 ? (
        <p className="empty">{t('none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('awardedOn')}</th>
              <th scope="col">{t('reason')}</th>
              <th scope="col">{t('state')}</th>
            </tr>
          </thead>
          <tbody>
            {awards.map((a) => (
              <tr key={a.id} data-testid="bonus-award">
                <td>
                  {a.itemCode} {a.itemName}
                </td>
                <td>{format.dateTime(a.awardedAt, { dateStyle: 'medium' })}</td>
                <td>{a.reason}</td>
                <td>
                  {a.revokedAt ? (
                    t('revokedOn', { date: format.dateTime(a.revokedAt, { dateStyle: 'medium' }) })
                  ) : canAward ? (
                    <ActionForm
                      action={revokeBonusAction}
                      label={t('revokeOf', { item: a.itemCode })}
                      submit={t('revoke')}
                      done={t('revoked')}
                      hidden={{ awardId: a.id }}
                      className="filter-bar"
                    >
                      <label>
                        {t('revokeReason')}
                        <input name="reason" required minLength={4} maxLength={500} />
                      </label>
                    </ActionForm>
                  ) : (
                    t('inForce')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canAward && items.length > 0 && (
        <ActionForm
          action={awardBonusAction}
          label={t('award')}
          submit={t('award')}
          done={t('awarded')}
          hidden={{ accountId }}
        >
          <label>
            {t('item')}
            <select name="itemCode" required>
              {items.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} {i.name}（+{i.points}）
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('awardedOn')}
            <input name="awardedOn" type="date" />
          </label>
          <label>
            {t('reason')}
            <input name="reason" required minLength={4} maxLength={500} />
          </label>
        </ActionForm>
      )}
    </section>
  );
}
