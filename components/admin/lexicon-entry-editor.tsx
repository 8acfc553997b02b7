'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { addLexiconTermAction } from '@/lib/actions/add-lexicon-term';
import { toggleLexiconTermAction } from '@/lib/actions/toggle-lexicon-term';

type Entry = {
  id: string;
  term: string;
  isActive: boolean;
  correct: string | null;
  evasion: boolean;
  titles: string[];
  rank: number | null;
  /** Set for a local term: the agency it belongs to (scored only in its subtree). */
  agencyName: string | null;
  /** False for a term a higher level manages: shown, not switchable. */
  canChange: boolean;
};

export function LexiconEntryEditor({
  lexicon,
  entries,
}: {
  lexicon: { id: string; name: string; category: string };
  entries: Entry[];
}) {
  const t = useTranslations('admin.lexicons');
  const { isPending, message, run } = useActionForm();
  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const input = {
      lexiconId: lexicon.id,
      term: f.get('term'),
      correct: f.get('correct') ?? undefined,
      evasion: f.get('evasion') === 'on',
      titles: f.get('titles') ?? undefined,
      rank: f.get('rank') ?? undefined,
    };
    run(() => addLexiconTermAction(input), { then: () => form.reset() });
  }
  return (
    <section className="panel" aria-label={lexicon.name}>
      <h2>{lexicon.name}</h2>
      <form className="filter-bar" onSubmit={onAdd}>
        <label>
          {t('term')}
          <input name="term" required maxLength={60} />
        </label>
        {lexicon.category === 'TYPO' && (
          <label>
            {t('correct')}
            <input name="correct" maxLength={60} />
          </label>
        )}
        {lexicon.category === 'PROTECTED_TERM' && (
          <>
            <label>
              {t('correctName')}
              <input name="correct" maxLength={60} aria-describedby={`protected-hint-${lexicon.id}`} />
            </label>
            <label>
              {t('leaderTitles')}
              <input name="titles" maxLength={200} aria-describedby={`protected-hint-${lexicon.id}`} />
            </label>
            <label>
              {t('leaderRank')}
              <input name="rank" type="number" min={1} max={999} />
            </label>
          </>
        )}
        {lexicon.category !== 'TYPO' && lexicon.category !== 'PROTECTED_TERM' && (
          <label className="checkbox">
            <input type="checkbox" name="evasion" />
            {t('evasion')}
          </label>
        )}
        <button type="submit" disabled={isPending}>
          {t('add')}
        </button>
      </form>
      {lexicon.category === 'PROTECTED_TERM' && (
        <p className="subtle" id={`protected-hint-${lexicon.id}`}>
          {t('protectedHint')}
        </p>
      )}
      <FormMessage message={message} />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('term')}</th>
            <th scope="col">{t('correct')}</th>
            <th scope="col">{t('evasionColumn')}</th>
            <th scope="col">{t('state')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>
                {e.term}
                {e.agencyName && <span className="subtle"> · {t('localTerm', { agency: e.agencyName })}</span>}
              </td>
              <td>
                {e.titles.length > 0
                  ? t('leaderSummary', { titles: e.titles.join('、'), rank: e.rank ?? '—' })
                  : (e.correct ?? '—')}
              </td>
              <td>{e.evasion ? t('evasionOn') : '—'}</td>
              <td>
                {e.canChange ? (
                  <button
                    type="button"
                    className="secondary"
                    disabled={isPending}
                    onClick={() => run(() => toggleLexiconTermAction({ entryId: e.id, isActive: !e.isActive }))}
                  >
                    {e.isActive ? t('disable') : t('enable')}
                  </button>
                ) : (
                  <span className="subtle">{t('managedAbove')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
