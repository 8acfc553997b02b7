'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { FormMessage } from '@/components/ui/form-message';
import { useActionForm } from '@/components/ui/use-action-form';
import { publishEditionAction } from '@/lib/actions/publish-edition';
import { updateEditionDraftAction } from '@/lib/actions/update-edition-draft';
import type { BonusItem, EditionField } from '@/lib/scoring/edition';
import { BonusItemsFieldset, readBonusItems } from './bonus-items-fieldset';

type Props = {
  id: string;
  name: string;
  isDraft: boolean;
  fields: EditionField[];
  bonusItems: BonusItem[];
  base: { code: string; values: Record<string, number | boolean> } | null;
};

/** `veto.V2.windowDays` → section `veto_V2`, field `windowDays`; top-level numbers form the "general" section. */
const sectionOf = (path: string) => (path.includes('.') ? path.split('.').slice(0, -1).join('_') : 'general');
const keyOf = (path: string) => path.split('.').at(-1) ?? path;
/** The service reports `too_big:100`-style codes; anything else is shown as it came. */
const errorParts = (code: string) => {
  const [kind = '', limit = ''] = code.split(':');
  return ['too_big', 'too_small', 'not_integer', 'unknown_field', 'no_changes'].includes(kind) ? { kind, limit } : null;
};

export function EditionEditor({ id, name, isDraft, fields, bonusItems, base }: Props) {
  const t = useTranslations('admin.editions');
  const router = useRouter();
  const { isPending, message, fieldErrors: errors, run } = useActionForm();
  const sections = [...new Set(fields.map((f) => sectionOf(f.path)))];
  const changedFromBase = base
    ? fields.filter((f) => f.path in base.values && base.values[f.path] !== f.value).length
    : 0;
  const baseHint = (path: string, value: number | boolean) => {
    const was = base?.values[path];
    if (!base || was === undefined || was === value) return null;
    return (
      <small className="subtle">
        {t('baseValue', { base: base.code, value: typeof was === 'boolean' ? t(was ? 'on' : 'off') : String(was) })}
      </small>
    );
  };
  const describe = (codes: string[] | undefined) =>
    (codes ?? [])
      .map((c) => {
        const p = errorParts(c);
        return p ? t(`errors.${p.kind}`, { limit: p.limit }) : c;
      })
      .join('；');

  function onSave(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      fields.map((f) => [f.path, typeof f.value === 'boolean' ? form.get(f.path) === 'on' : Number(form.get(f.path))]),
    );
    run(() => updateEditionDraftAction({ id, name: form.get('name'), values, bonusItems: readBonusItems(form) }), {
      done: (data) => (data.newVersion ? null : t('saved', { count: data.changed })),
      then: (data) => (data.newVersion ? router.push(`/admin/editions/${data.id}?created=1`) : router.refresh()),
      refresh: false,
      // Field codes are shown next to their fields (describe); the sentence only counts them.
      failed: (r) => {
        const invalidFields = Object.keys(r.fieldErrors ?? {}).filter((k) => k !== 'values').length;
        return r.code !== 'VALIDATION' ? r.message : invalidFields > 0 ? t('invalid', { count: invalidFields }) : null;
      },
    });
  }
  function onPublish() {
    run(() => publishEditionAction({ id }), { done: () => t('published'), failed: (r) => r.message });
  }
  return (
    <form onSubmit={onSave} className="edition-editor">
      {base && <p className="subtle">{t('changedFromBase', { base: base.code, count: changedFromBase })}</p>}
      <fieldset disabled={isPending} className="panel">
        <label>
          {t('name')}
          <input
            name="name"
            defaultValue={name}
            required
            maxLength={80}
            aria-invalid={errors.name ? true : undefined}
          />
          {errors.name && <span className="error">{describe(errors.name)}</span>}
        </label>
      </fieldset>
      {sections.map((section) => (
        <fieldset key={section} disabled={isPending} className="panel">
          <legend>{t(`sections.${section}`)}</legend>
          <div className="filter-bar">
            {fields
              .filter((f) => sectionOf(f.path) === section)
              .map((f) => (
                <label key={f.path} className={typeof f.value === 'boolean' ? 'checkbox' : undefined}>
                  {typeof f.value === 'boolean' && <input type="checkbox" name={f.path} defaultChecked={f.value} />}
                  {t(`fields.${keyOf(f.path)}`)}
                  {typeof f.value === 'number' && (
                    <input
                      type="number"
                      name={f.path}
                      defaultValue={f.value}
                      step="any"
                      required
                      aria-invalid={errors[f.path] ? true : undefined}
                      aria-describedby={errors[f.path] ? `err-${f.path}` : undefined}
                    />
                  )}
                  {baseHint(f.path, f.value)}
                  {errors[f.path] && (
                    <span className="error" id={`err-${f.path}`}>
                      {describe(errors[f.path])}
                    </span>
                  )}
                </label>
              ))}
          </div>
        </fieldset>
      ))}
      <BonusItemsFieldset items={bonusItems} errors={errors} describe={describe} />
      <FormMessage message={message} role="status" />
      {errors.values && (
        <p role="alert" className="error">
          {describe(errors.values)}
        </p>
      )}
      <div className="filter-bar">
        <button type="submit" disabled={isPending}>
          {isDraft ? t('save') : t('saveAsVersion')}
        </button>
        {isDraft && (
          <button type="button" className="secondary" disabled={isPending} onClick={onPublish}>
            {t('publish')}
          </button>
        )}
      </div>
    </form>
  );
}
