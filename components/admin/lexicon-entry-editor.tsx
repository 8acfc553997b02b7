'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { addLexiconTermAction, toggleLexiconTermAction } from '@/app/admin/lexicons/actions';

type Entry = { id: string; term: string; isActive: boolean; correct: string | null; evasion: boolean; titles: string[]; rank: number | null };

export function LexiconEntryEditor({ lexicon, entries }: { lexicon: { id: string; name: string; category: string }; entries: Entry[] }) {
  const t = useTranslations('admin.lexicons');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await fn();
      setError(result.ok ? null : (result.message ?? 'error'));
      if (result.ok) router.refresh();
    });
  function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    run(async () => {
      const r = await addLexiconTermAction({
        lexiconId: lexicon.id, term: f.get('term'), correct: f.get('correct') ?? undefined, evasion: f.get('evasion') === 'on',
        titles: f.get('titles') ?? undefined, rank: f.get('rank') ?? undefined,
      });
      if (r.ok) form.reset();
      return r;
    });
  }
  return (
    <section className="panel" aria-label={lexicon.name}>
      <h2>{lexicon.name}</h2>
      <form className="filter-bar" onSubmit={onAdd}>
        <label>{t('term')}<input name="term" required maxLength={60} /></label>
        {lexicon.category === 'TYPO' && <label>{t('correct')}<input name="correct" maxLength={60} /></label>}
        {lexicon.category === 'PROTECTED_TERM' && (
          <>
            <label>{t('correctName')}<input name="correct" maxLength={60} aria-describedby={`protected-hint-${lexicon.id}`} /></label>
            <label>{t('leaderTitles')}<input name="titles" maxLength={200} aria-describedby={`protected-hint-${lexicon.id}`} /></label>
            <label>{t('leaderRank')}<input name="rank" type="number" min={1} max={999} /></label>
          </>
        )}
        {lexicon.category !== 'TYPO' && lexicon.category !== 'PROTECTED_TERM' && <label className="checkbox"><input type="checkbox" name="evasion" />{t('evasion')}</label>}
        <button type="submit" disabled={isPending}>{t('add')}</button>
      </form>
      {lexicon.category === 'PROTECTED_TERM' && <p className="subtle" id={`protected-hint-${lexicon.id}`}>{t('protectedHint')}</p>}
      {error && <p role="alert" className="error">{error}</p>}
      <table>
        <thead><tr><th scope="col">{t('term')}</th><th scope="col">{t('correct')}</th><th scope="col">{t('evasionColumn')}</th><th scope="col">{t('state')}</th></tr></thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.term}</td>
              <td>{e.titles.length > 0 ? t('leaderSummary', { titles: e.titles.join('、'), rank: e.rank ?? '—' }) : (e.correct ?? '—')}</td>
              <td>{e.evasion ? t('evasionOn') : '—'}</td>
              <td>
                <button type="button" className="secondary" disabled={isPending} onClick={() => run(() => toggleLexiconTermAction({ entryId: e.id, isActive: !e.isActive }))}>
                  {e.isActive ? t('disable') : t('enable')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
