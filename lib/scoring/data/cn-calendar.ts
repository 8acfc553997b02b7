import type { WorkCalendar } from '../types';

// Public holidays and adjusted working days (调休) from the State Council General Office's annual notices
// (国务院办公厅关于20XX年部分节假日安排的通知). Deployments keep the calendar_day table current; these
// built-in days are used when that table is empty.
const HOLIDAYS: Record<string, string[]> = {
  2025: [
    '01-01',
    '01-28',
    '01-29',
    '01-30',
    '01-31',
    '02-01',
    '02-02',
    '02-03',
    '02-04',
    '04-04',
    '04-05',
    '04-06',
    '05-01',
    '05-02',
    '05-03',
    '05-04',
    '05-05',
    '05-31',
    '06-01',
    '06-02',
    '10-01',
    '10-02',
    '10-03',
    '10-04',
    '10-05',
    '10-06',
    '10-07',
    '10-08',
  ],
  2026: [
    '01-01',
    '01-02',
    '01-03',
    '02-15',
    '02-16',
    '02-17',
    '02-18',
    '02-19',
    '02-20',
    '02-21',
    '02-22',
    '02-23',
    '04-04',
    '04-05',
    '04-06',
    '05-01',
    '05-02',
    '05-03',
    '05-04',
    '05-05',
    '06-19',
    '06-20',
    '06-21',
    '09-25',
    '09-26',
    '09-27',
    '10-01',
    '10-02',
    '10-03',
    '10-04',
    '10-05',
    '10-06',
    '10-07',
  ],
};
const WORKDAYS: Record<string, string[]> = {
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};

const expand = (table: Record<string, string[]>) =>
  new Set(Object.entries(table).flatMap(([y, days]) => days.map((d) => `${y}-${d}`)));

export const BUILT_IN_CALENDAR: WorkCalendar = { holidays: expand(HOLIDAYS), workdays: expand(WORKDAYS) };
