import { canAccessAgency, EXPORT_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import {
  findAssessmentUnit,
  findSupervisingOffice,
  listChildUnits,
  loadAnnualFacts,
  type AssessmentUnitDto,
} from '@/lib/data/annual-assessment';
import { notFound } from '@/lib/errors';
import type { Edition } from '@/lib/scoring';
import {
  assessAnnual,
  subtreeFacts,
  yearEnd,
  yearStart,
  type AnnualAssessment,
  type AnnualFacts,
} from '@/lib/scoring/annual';
import { getEditionInForce } from './get-edition-in-force';

export type RankedUnit = {
  unitId: string;
  name: string;
  level: string;
  rank: number;
  accounts: number;
  score: number;
  maxScore: number;
  vetoed: boolean;
  hasInsufficientData: boolean;
  deductions: Array<{ code: string; deducted: number; status: string }>;
};

export type AnnualAssessmentView = {
  unit: { id: string; name: string; level: string; parentId: string | null };
  supervisingOffice: string | null;
  assessment: AnnualAssessment;
  /** The units of the next level that supervise accounts, ranked: not vetoed first, then by score. */
  children: RankedUnit[];
};

/** Competition ranking (1, 1, 3): a vetoed unit after every other, then by score; equal places share a rank. */
export function rankUnits(rows: Array<Omit<RankedUnit, 'rank'>>): RankedUnit[] {
  const sorted = [...rows].sort(
    (a, b) => Number(a.vetoed) - Number(b.vetoed) || b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'),
  );
  return sorted.map((r, i) => {
    const first = sorted.findIndex((x) => x.vetoed === r.vetoed && x.score === r.score);
    return { ...r, rank: (first === -1 ? i : first) + 1 };
  });
}

async function viewOf(
  db: Db,
  unit: AssessmentUnitDto,
  facts: AnnualFacts,
  edition: Edition,
  now: Date,
): Promise<AnnualAssessmentView> {
  const [children, supervisingOffice] = await Promise.all([
    listChildUnits(db, unit.id),
    findSupervisingOffice(db, unit.id),
  ]);
  const ranked = children.flatMap((child) => {
    const cut = subtreeFacts(facts, child);
    if (cut.accounts.length === 0) return [];
    const a = assessAnnual(cut, edition, now);
    return [
      {
        unitId: child.id,
        name: child.name,
        level: child.level,
        accounts: cut.accounts.length,
        score: a.score,
        maxScore: a.maxScore,
        vetoed: a.vetoed,
        hasInsufficientData: a.hasInsufficientData,
        deductions: a.items.map((i) => ({ code: i.code, deducted: i.deducted, status: i.status })),
      },
    ];
  });
  return {
    unit: { id: unit.id, name: unit.name, level: unit.level, parentId: unit.parentId },
    supervisingOffice,
    assessment: assessAnnual(facts, edition, now),
    children: rankUnits(ranked),
  };
}

async function unitInScope(db: Db, access: Access, unitId: string): Promise<AssessmentUnitDto> {
  const unit = await findAssessmentUnit(db, unitId);
  if (!unit || !canAccessAgency(access, EXPORT_ROLES, unit)) throw notFound('agency');
  return unit;
}

/**
 * The annual supervision assessment of one unit's tree for one Beijing year, with the next level ranked: the one
 * computation the page, the annual report and the ZIP export all read. Roles ADMIN, SUPERVISOR and AUDITOR within
 * their subtree; anything else answers "not found".
 */
export async function computeAnnualAssessment({
  access,
  unitId,
  year,
  now,
  db = getDb(),
}: {
  access: Access;
  unitId: string;
  year: number;
  now: Date;
  db?: Db;
}): Promise<AnnualAssessmentView> {
  const unit = await unitInScope(db, access, unitId);
  const edition = await getEditionInForce({ db });
  const facts = await loadAnnualFacts(db, unit, year, yearStart(year), yearEnd(year));
  return viewOf(db, unit, facts, edition, now);
}

/** Several units of one tree from a single load of the root's facts (the province-wide ZIP); units outside it are skipped. */
export async function computeAnnualAssessments({
  access,
  rootId,
  units,
  year,
  now,
  db = getDb(),
}: {
  access: Access;
  rootId: string;
  units: AssessmentUnitDto[];
  year: number;
  now: Date;
  db?: Db;
}): Promise<AnnualAssessmentView[]> {
  const root = await unitInScope(db, access, rootId);
  const edition = await getEditionInForce({ db });
  const facts = await loadAnnualFacts(db, root, year, yearStart(year), yearEnd(year));
  const views: AnnualAssessmentView[] = [];
  for (const unit of units.filter((u) => u.id === root.id || u.ancestorIds.includes(root.id))) {
    views.push(await viewOf(db, unit, unit.id === root.id ? facts : subtreeFacts(facts, unit), edition, now));
  }
  return views;
}
