'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { AgencyPicker, type PickerAgency } from '@/components/ui/agency-picker';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { createRepostTaskAction } from '@/lib/actions/create-repost-task';
import { usePlatformName } from '@/components/ui/use-platform-name';

const PLATFORMS = ['WEIBO', 'WECHAT', 'DOUYIN', 'TOUTIAO'] as const;
// datetime-local values go as typed: the server reads them as Beijing time, whatever the browser's zone.
const typed = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

export function CreateRepostTaskForm({ agencies }: { agencies: PickerAgency[] }) {
  const t = useTranslations();
  const platformName = usePlatformName();
  const { isPending, message, fieldErrors: errors, errorOf, run } = useActionForm();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const input = {
      title: f.get('title'),
      itemUrl: f.get('itemUrl') ?? '',
      matchTerms: String(f.get('matchTerms') ?? '')
        .split(/[\n,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      publishedAt: typed(f.get('publishedAt')),
      deadline: typed(f.get('deadline')),
      agencyId: f.get('agencyId'),
      platformCodes: f.getAll('platformCodes'),
    };
    run(() => createRepostTaskAction(input), {
      done: (data) => t('repostTasks.created', { count: data.targets, reposted: data.reposted }),
      then: () => form.reset(),
      failed: (r) => r.message,
    });
  }
  const err = (k: string) => <FieldError text={errorOf(k)} />;
  return (
    <section className="panel" aria-label={t('repostTasks.create')}>
      <h2>{t('repostTasks.create')}</h2>
      <form className="form" onSubmit={onSubmit}>
        <label>
          {t('repostTasks.taskTitle')}
          <input name="title" required maxLength={120} aria-invalid={!!errors.title} />
          {err('title')}
        </label>
        <label>
          {t('repostTasks.itemUrl')}
          <input name="itemUrl" type="url" aria-invalid={!!errors.itemUrl} />
          {err('itemUrl')}
        </label>
        <label>
          {t('repostTasks.matchTerms')}
          <textarea name="matchTerms" required rows={2} aria-invalid={!!errors.matchTerms} />
          {err('matchTerms')}
        </label>
        <label>
          {t('repostTasks.publishedAt')}
          <input name="publishedAt" type="datetime-local" required />
          {err('publishedAt')}
        </label>
        <label>
          {t('repostTasks.deadline')}
          <input name="deadline" type="datetime-local" required aria-invalid={!!errors.deadline} />
          {err('deadline')}
        </label>
        {/* Starts on the user's own scope (the first listed); a supervising unit below it is chosen in the tree. */}
        <AgencyPicker
          name="agencyId"
          label={t('repostTasks.agency')}
          agencies={agencies}
          defaultValue={agencies[0]?.id}
          required
        />
        {err('agencyId')}
        <fieldset>
          <legend>{t('repostTasks.platforms')}</legend>
          {PLATFORMS.map((p) => (
            <label key={p} className="checkbox">
              <input type="checkbox" name="platformCodes" value={p} defaultChecked={p === 'WEIBO' || p === 'WECHAT'} />
              {platformName(p)}
            </label>
          ))}
          {err('platformCodes')}
        </fieldset>
        <button type="submit" disabled={isPending}>
          {t('repostTasks.submit')}
        </button>
        <FormMessage message={message} role="status" />
      </form>
    </section>
  );
}
