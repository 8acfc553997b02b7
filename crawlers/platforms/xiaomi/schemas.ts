import { z } from 'zod';

// Values read from an app.mi.com detail page (docs/platform-formats.md §3.4, [C app-parser 2023]). All of it is page text:
// name and version are required, everything else becomes null when missing or unreadable.

const DAY = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** `2025-03-18` (also `/`, `.` or 年月日) as midnight of that Shanghai calendar day; null when not a day. */
const shanghaiDay = (value: string): Date | null => {
  const match = DAY.exec(value);
  if (!match) return null;
  const [, y = '', m = '', d = ''] = match;
  return new Date(`${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T00:00:00+08:00`);
};

const pageText = z.string().trim().min(1).max(200);

export const xiaomiDetailSchema = z.object({
  name: pageText,
  publisher: pageText.nullable().catch(null),
  ratingCount: z
    .string()
    .regex(/^\d{1,10}$/)
    .transform(Number)
    .nullable()
    .catch(null),
  /** A version token holds a digit; a label next to an empty value (`更新时间`) does not. */
  version: z
    .string()
    .max(64)
    .regex(/^\S*\d\S*$/, 'version token without a digit'),
  updatedAt: z.string().transform(shanghaiDay).pipe(z.date()).nullable().catch(null),
});
export type XiaomiDetail = z.output<typeof xiaomiDetailSchema>;
