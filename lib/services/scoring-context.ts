import type { Db } from '@/lib/db/types';
import { listAccountAgencyPaths } from '@/lib/data/agency-ancestry';
import { listReviewDecisions } from '@/lib/data/inspection-run';
import { listCalendarDays, listLexiconDefs } from '@/lib/data/scoring-config';
import {
  BUILT_IN_CALENDAR,
  compileLexicons,
  lexiconDefSchema,
  STARTER_LEXICONS,
  type Edition,
  type FindingStatus,
  type LexiconDef,
  type ScoringContext,
  type WorkCalendar,
} from '@/lib/scoring';

type LexiconRow = Awaited<ReturnType<typeof listLexiconDefs>>[number];

/** Holidays and adjusted workdays as stored, or the built-in calendar when the table is empty. */
export async function loadWorkCalendar(db: Db): Promise<WorkCalendar> {
  const days = await listCalendarDays(db);
  if (days.length === 0) return BUILT_IN_CALENDAR;
  return {
    holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.day)),
    workdays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.day)),
  };
}

/**
 * The lexicons as they apply inside the agencies `local` (the scoped agencies on an account's path): root lexicons
 * and lexicon-wide terms everywhere, a lexicon owned by an agency or a local term only below that agency. A term
 * both lexicon-wide and local counts once.
 */
export function lexiconsFor(rows: LexiconRow[], local: ReadonlySet<string>): LexiconDef[] {
  return rows
    .filter((l) => l.ownerAgencyId === null || local.has(l.ownerAgencyId))
    .map((l) => {
      const seen = new Set<string>();
      const entries = l.entries.filter(
        (e) => (e.agencyId === null || local.has(e.agencyId)) && !seen.has(e.term) && Boolean(seen.add(e.term)),
      );
      return lexiconDefSchema.parse({
        code: l.code,
        name: l.name,
        category: l.category,
        licenseNote: l.licenseNote ?? undefined,
        entries: entries.map((e) => ({ term: e.term, data: e.data })),
      });
    });
}

/**
 * Lexicons and calendar as stored (falling back to the built-in data), plus earlier review decisions. `ctx` holds
 * the lexicons that apply everywhere; `contextFor(accountId)` adds the local terms of the account's agency and its
 * ancestors (one compiled matcher per distinct set, so a province with a few local lists compiles a few matchers).
 */
export async function loadScoringContext(db: Db, edition: Edition, monitoringAt: Date, accountIds: string[]) {
  const [lexiconRows, calendar, decisions] = await Promise.all([
    listLexiconDefs(db),
    loadWorkCalendar(db),
    listReviewDecisions(db, accountIds),
  ]);
  const reviews = new Map<string, 'CONFIRMED' | 'DISMISSED' | 'RECTIFIED'>();
  const reviewBases = new Map<string, FindingStatus>();
  for (const [fp, d] of decisions) {
    if (d.status === 'SUSPECTED') continue;
    reviews.set(fp, d.status);
    if (d.reviewBasis) reviewBases.set(fp, d.reviewBasis);
  }
  const build = (defs: LexiconDef[]): ScoringContext => {
    const { matcher, prohibitedDomains } = compileLexicons(defs);
    return { monitoringAt, edition, matcher, prohibitedDomains, calendar, reviews, reviewBases };
  };
  const ctx = build(lexiconRows.length ? lexiconsFor(lexiconRows, new Set()) : STARTER_LEXICONS);

  const scoped = new Set(
    lexiconRows
      .flatMap((l) => [l.ownerAgencyId, ...l.entries.map((e) => e.agencyId)])
      .filter((id): id is string => id !== null),
  );
  const paths = scoped.size > 0 ? await listAccountAgencyPaths(db, accountIds) : new Map<string, string[]>();
  const byKey = new Map<string, ScoringContext>();
  const contextFor = (accountId: string): ScoringContext => {
    const local = (paths.get(accountId) ?? []).filter((id) => scoped.has(id));
    if (local.length === 0) return ctx;
    const key = local.join(',');
    let found = byKey.get(key);
    if (!found) byKey.set(key, (found = build(lexiconsFor(lexiconRows, new Set(local)))));
    return found;
  };
  return { ctx, decisions, contextFor };
}
