'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import './sortable-table.css';

export type SortableColumn = { label: string; numeric?: boolean; sortable?: boolean };
/** A row: its cells as rendered on the server, and per column the value it sorts by (null sorts last). */
export type SortableRow = { key: string; cells: ReactNode[]; sortValues: Array<string | number | null> };
type Sort = { column: number; direction: 'ascending' | 'descending' };

type Props = {
  columns: SortableColumn[];
  rows: SortableRow[];
  /** A totals row under the body (stays put while sorting). */
  footer?: ReactNode[];
  initialSort?: Sort;
  className?: string;
};

const compare = (a: string | number | null, b: string | number | null) => {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh');
};

/**
 * A table the reader sorts by clicking a column header (a button, so keyboards and screen readers can too; the
 * header carries aria-sort). Empty values stay last in either direction. Cells keep their data-label for the
 * phone layout's stacked cards.
 */
export function SortableTable({ columns, rows, footer, initialSort, className }: Props) {
  const t = useTranslations('common');
  const [sort, setSort] = useState<Sort | null>(initialSort ?? null);
  const sorted =
    sort === null
      ? rows
      : [...rows].sort((x, y) => {
          const a = x.sortValues[sort.column] ?? null;
          const b = y.sortValues[sort.column] ?? null;
          if (a === null || b === null) return compare(a, b);
          return sort.direction === 'ascending' ? compare(a, b) : compare(b, a);
        });
  const toggle = (column: number) =>
    setSort((s) => ({
      column,
      direction: s?.column === column && s.direction === 'ascending' ? 'descending' : 'ascending',
    }));
  return (
    <table className={className}>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th
              key={c.label}
              scope="col"
              className={c.numeric ? 'num' : undefined}
              aria-sort={sort?.column === i ? sort.direction : c.sortable === false ? undefined : 'none'}
            >
              {c.sortable === false ? (
                c.label
              ) : (
                <button
                  type="button"
                  className="sort"
                  onClick={() => toggle(i)}
                  aria-label={t('sortBy', { column: c.label })}
                >
                  {c.label}
                  <span aria-hidden="true" className="sort-mark">
                    {sort?.column === i ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                  </span>
                </button>
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.key}>
            {r.cells.map((cell, i) => (
              <td
                key={columns[i]?.label ?? i}
                className={columns[i]?.numeric ? 'num' : undefined}
                data-label={columns[i]?.label}
              >
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {footer && (
        <tfoot>
          <tr>
            {footer.map((cell, i) => (
              <td
                key={columns[i]?.label ?? i}
                className={columns[i]?.numeric ? 'num' : undefined}
                data-label={columns[i]?.label}
              >
                {cell}
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
