import type { Db } from '@/lib/db/types';
import { listReviewDecisions } from '@/lib/data/inspection-run';
import { listCalendarDays, listLexiconDefs } from '@/lib/data/scoring-config';
import { BUILT_IN_CALENDAR, compileLexicons, lexiconDefSchema, STARTER_LEXICONS, type Edition, type ScoringContext, type WorkCalendar } from '@/lib/scoring';

/** Holidays and adjusted workdays as stored, or the built-in calendar when the table is empty. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const days = await listCalendarDays(db);
  if (days.length === 0) return BUILT_IN_CALENDAR;
  return { holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.day)), workdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.day)) };
}

/** Lexicons and calendar as stored (falling back to the built-in data), plus earlier review decisions. */
export async function loadScoringContext(db: Db, edition: Edition, monitoringAt: Date, accountIds: string[]) {
  const [lexiconRows, calendar, decisions] = await Promise.all([listLexiconDefs(db), loadWorkCalendar(db), listReviewDecisions(db, accountIds)]);
  const defs = lexiconRows.length
    ? lexiconRows.map((l) => lexiconDefSchema.parse({ ...l, licenseNote: l.licenseNote ?? undefined }))
    : STARTER_LEXICONS;
  const { matcher, prohibitedDomains } = compileLexicons(defs);
  const reviews = new Map<string, 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED'>();
  for (const [fp, d] of decisions) if (d.status !== 'SUSPECTED') reviews.set(fp, d.status);
  const ctx: ScoringContext = { monitoringAt, edition, matcher, prohibitedDomains, calendar, reviews };
  return { ctx, decisions };
}
