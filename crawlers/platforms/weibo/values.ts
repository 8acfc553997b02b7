import { DAY_MS, HOUR_MS, SHANGHAI_OFFSET_MS } from '@/lib/time';

// Weibo value formats (docs/platform-formats.md §1.2/§1.3): display counts and `created_at` strings.

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};
const CST = SHANGHAI_OFFSET_MS;
const AGO_UNIT: Record<string, number> = { 秒: 1000, 秒钟: 1000, 分钟: 60_000, 小时: HOUR_MS };

/** `35.2万` → 352000, `1.5亿` → 150000000, `100万+` → 1000000, numbers pass through. */
export function parseCount(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  const match = /^\s*([\d,.]+)\s*(万|亿)?\+?\s*$/.exec(value);
  if (!match) return null;
  const base = Number(match[1].replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const factor = match[2] === '亿' ? 1e8 : match[2] === '万' ? 1e4 : 1;
  return Math.round(base * factor);
}

/** Midnight (UTC+8) of the day containing `at`, shifted by `days`. */
function cstDayStart(at: Date, days = 0): number {
  const local = at.getTime() + CST;
  return local - (local % DAY_MS) - CST + days * DAY_MS;
}

/**
 * Absolute `Tue Nov 24 10:12:00 +0800 2026` and the legacy relative forms (刚刚, N秒前, N分钟前, N小时前,
 * 昨天/今天 HH:mm, MM-DD, YYYY-MM-DD), the latter in Beijing time relative to `now`.
 */
export function parseWeiboTime(raw: string, now: Date): Date | null {
  const value = raw.trim();
  const absolute = /^\w{3} (\w{3}) (\d{1,2}) (\d{2}):(\d{2}):(\d{2}) ([+-])(\d{2})(\d{2}) (\d{4})$/.exec(value);
  if (absolute) {
    const [, mon, day, h, m, s, sign, oh, om, year] = absolute;
    const month = MONTHS[mon];
    if (month === undefined) return null;
    const offset = (sign === '-' ? -1 : 1) * (Number(oh) * HOUR_MS + Number(om) * 60_000);
    return new Date(Date.UTC(Number(year), month, Number(day), Number(h), Number(m), Number(s)) - offset);
  }
  if (value === '刚刚') return now;
  const ago = /^(\d+)\s*(秒|秒钟|分钟|小时)前$/.exec(value);
  if (ago) return new Date(now.getTime() - Number(ago[1]) * (AGO_UNIT[ago[2] ?? ''] ?? 0));
  const dayTime = /^(昨天|今天)\s*(\d{1,2}):(\d{2})$/.exec(value);
  if (dayTime)
    return new Date(
      cstDayStart(now, dayTime[1] === '昨天' ? -1 : 0) + Number(dayTime[2]) * HOUR_MS + Number(dayTime[3]) * 60_000,
    );
  const date = /^(?:(\d{4})-)?(\d{1,2})-(\d{1,2})$/.exec(value);
  if (date) {
    const year = date[1] ? Number(date[1]) : new Date(now.getTime() + CST).getUTCFullYear();
    return new Date(Date.UTC(year, Number(date[2]) - 1, Number(date[3])) - CST);
  }
  return null;
}
