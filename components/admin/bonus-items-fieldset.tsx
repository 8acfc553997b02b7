'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { BonusItem } from '@/lib/scoring/edition';

type Props = {
  items: BonusItem[];
  errors: Record<string, string[] | undefined>;
  describe: (codes: string[] | undefined) => string;
};

/** Reads the rows back in order; an empty row (no code, no name) is dropped rather than refused. */
export function readBonusItems(form: FormData): Array<{ code: string; name: string; points: number }> {
  const keys = form.getAll('bonusRow').map(String);
  return keys
    .map((k) => ({
      code: String(form.get(`bonus.${k}.code`) ?? '').trim(),
      name: String(form.get(`bonus.${k}.name`) ?? '').trim(),
      points: Number(form.get(`bonus.${k}.points`)),
    }))
    .filter((row) => row.code || row.name);
}

let nextKey = 0;
const newKey = () => `n${(nextKey += 1)}`;

/** 加分 items of the edition: code, name and points per row; rows are added and removed in place. */
export function BonusItemsFieldset({ items, errors, describe }: Props) {
  const t = useTranslations('admin.editions.bonusItems');
  const [rows, setRows] = useState<Array<{ key: string; item: BonusItem | null }>>(() =>
    items.map((item, i) => ({ key: `i${i}`, item })),
  );
  const rowError = (i: number) =>
    Object.entries(errors)
      .filter(([path]) => path.startsWith(`bonus.items.${i}.`) || path === `bonus.items.${i}`)
      .flatMap(([, codes]) => codes ?? []);
  return (
    <fieldset className="panel">
      <legend>{t('title')}</legend>
      <p className="subtle">{t('explain')}</p>
      {rows.map(({ key, item }, i) => (
        <div key={key} className="filter-bar" data-testid="bonus-item-row">
          <input type="hidden" name="bonusRow" value={key} />
          <label>
            {t('code')}
            <input
              name={`bonus.${key}.code`}
              defaultValue={item?.code ?? `B${i + 1}`}
              required
              pattern="B[0-9]{1,2}"
              size={4}
            />
          </label>
          <label>
            {t('name')}
            <input name={`bonus.${key}.name`} defaultValue={item?.name ?? ''} required maxLength={80} />
          </label>
          <label>
            {t('points')}
            <input
              name={`bonus.${key}.points`}
              type="number"
              min={0}
              max={100}
              step="any"
              defaultValue={item?.points ?? 1}
              required
            />
          </label>
          <button type="button" className="secondary" onClick={() => setRows(rows.filter((r) => r.key !== key))}>
            {t('remove')}
          </button>
          {rowError(i).length > 0 && <span className="error">{describe(rowError(i))}</span>}
        </div>
      ))}
      {errors['bonus.items'] && (
        <p role="alert" className="error">
          {describe(errors['bonus.items'])}
        </p>
      )}
      <button type="button" className="secondary" onClick={() => setRows([...rows, { key: newKey(), item: null }])}>
        {t('add')}
      </button>
    </fieldset>
  );
}
