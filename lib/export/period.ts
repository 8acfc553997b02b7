import { QUARTER_PATTERN, YEAR_PATTERN, type ExportKind } from '@/lib/schemas/export';
import { shanghaiDay, shanghaiDayStart } from '@/lib/time';

export type ExportPeriod = { code: string; year: number; quarters: string[]; from: Date; to: Date };

const pad = (n: number) => String(n).padStart(2, '0');
const quarterStart = (year: number, q: number) => shanghaiDayStart(`${year}-${pad((q - 1) * 3 + 1)}-01`);

/** The Asia/Shanghai instants [from, to) a quarter (2026Q3) or a year (2026) spans; null when the code does not fit the kind. */
export function exportPeriod(kind: ExportKind, code: string): ExportPeriod | null {
  const quarter = QUARTER_PATTERN.exec(code);
  if (kind === 'notice' && quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return {
      code,
      year,
      quarters: [code],
      from: quarterStart(year, q),
      to: q === 4 ? quarterStart(year + 1, 1) : quarterStart(year, q + 1),
    };
  }
  const year = YEAR_PATTERN.exec(code);
  if (kind === 'annual' && year) {
    const y = Number(year[1]);
    return {
      code,
      year: y,
      quarters: [1, 2, 3, 4].map((q) => `${y}Q${q}`),
      from: quarterStart(y, 1),
      to: quarterStart(y + 1, 1),
    };
  }
  return null;
}

/** Quarter code (2026Q3) of an instant in Asia/Shanghai. */
export function quarterOf(instant: Date): string {
  const day = shanghaiDay(instant);
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}
