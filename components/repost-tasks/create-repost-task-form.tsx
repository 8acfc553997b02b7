'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { createRepostTaskAction } from '@/app/repost-tasks/actions';

const PLATFORMS = ['WEIBO', 'WECHAT', 'DOUYIN', 'TOUTIAO'] as const;
const iso = (v: FormDataEntryValue | null) => (typeof v === 'string' && v ? new Date(v).toISOString() : '');

export function CreateRepostTaskForm({ agencies }: { agencies: Array<{ id: string; name: string }> }) {
  const t = useTranslations();
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const input = {
      title: f.get('title'), itemUrl: f.get('itemUrl') ?? '',
      matchTerms: String(f.get('matchTerms') ?? '').split(/[\n,，]/).map((s) => s.trim()).filter(Boolean),
      publishedAt: iso(f.get('publishedAt')), deadline: iso(f.get('deadline')), agencyId: f.get('agencyId'), platformCodes: f.getAll('platformCodes'),
    };
    startTransition(async () => {
      const r = await createRepostTaskAction(input);
      setErrors(r.ok ? {} : (r.fieldErrors ?? {}));
      setMessage(r.ok ? t('repostTasks.created', { count: r.data.targets, reposted: r.data.reposted }) : r.message);
      if (r.ok) {
        form.reset();
        router.refresh();
      }
    });
  }
  const err = (k: string) => errors[k] && <span className="error">{errors[k]?.join(', ')}</span>;
  return (
    <section className="panel" aria-label={t('repostTasks.create')}>
      <h2>{t('repostTasks.create')}</h2>
      <form className="form" onSubmit={onSubmit}>
        <label>{t('repostTasks.taskTitle')}<input name="title" required maxLength={120} aria-invalid={!!errors.title} />{err('title')}</label>
        <label>{t('repostTasks.itemUrl')}<input name="itemUrl" type="url" aria-invalid={!!errors.itemUrl} />{err('itemUrl')}</label>
        <label>{t('repostTasks.matchTerms')}<textarea name="matchTerms" required rows={2} aria-invalid={!!errors.matchTerms} />{err('matchTerms')}</label>
        <label>{t('repostTasks.publishedAt')}<input name="publishedAt" type="datetime-local" required />{err('publishedAt')}</label>
        <label>{t('repostTasks.deadline')}<input name="deadline" type="datetime-local" required aria-invalid={!!errors.deadline} />{err('deadline')}</label>
        <label>{t('repostTasks.agency')}
          <select name="agencyId" required>{agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}</select>
        </label>
        <fieldset>
          <legend>{t('repostTasks.platforms')}</legend>
          {PLATFORMS.map((p) => (
            <label key={p} className="checkbox"><input type="checkbox" name="platformCodes" value={p} defaultChecked={p === 'WEIBO' || p === 'WECHAT'} />{t(`platforms.${p}`)}</label>
          ))}
          {err('platformCodes')}
        </fieldset>
        <button type="submit" disabled={isPending}>{t('repostTasks.submit')}</button>
        {message && <p role="status">{message}</p>}
      </form>
    </section>
  );
}
