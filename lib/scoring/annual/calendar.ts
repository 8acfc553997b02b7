import { shanghaiDay, shanghaiDayStart } from '@/lib/time';

// Years and quarters are Asia/Shanghai ones (fixed UTC+8): the quarter of an inspection is the Beijing quarter of
// its monitoring time.
const pad = (n: number) => String(n).padStart(2, '0');
const dayStart = shanghaiDayStart;

export type Quarter = { code: string; start: Date; end: Date };

/** The four quarters of a Beijing year, each [start, end). */
export function quartersOf(year: number): Quarter[] {
  const start = (y: number, q: number) => dayStart(`${y}-${pad((q - 1) * 3 + 1)}-01`);
  return [1, 2, 3, 4].map((q) => ({
    code: `${year}Q${q}`,
    start: start(year, q),
    end: q === 4 ? start(year + 1, 1) : start(year, q + 1),
  }));
}

export const yearStart = (year: number): Date => dayStart(`${year}-01-01`);
export const yearEnd = (year: number): Date => dayStart(`${year + 1}-01-01`);

/** Quarter code (2026Q3) of an instant in Asia/Shanghai. */
export function quarterCodeOf(instant: Date): string {
  const day = shanghaiDay(instant);
  return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}
