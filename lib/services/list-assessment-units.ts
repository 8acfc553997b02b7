import { EXPORT_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listAssessmentUnitsById, listRegionUnits, type AssessmentUnitDto } from '@/lib/data/annual-assessment';

/** How many units the picker lists per scope root (deeper units stay reachable through the ranking links). */
const PICKER_LIMIT = 300;

/** Units a user can open the assessment of: the roots of their scope, then the region units below each. */
export async function listAssessmentUnits({
  access,
  db = getDb(),
}: {
  access: Access;
  db?: Db;
}): Promise<AssessmentUnitDto[]> {
  const roots = await listAssessmentUnitsById(db, scopeRoots(access, EXPORT_ROLES));
  const seen = new Set<string>();
  const out: AssessmentUnitDto[] = [];
  for (const root of roots) {
    for (const unit of (await listRegionUnits(db, root.id, PICKER_LIMIT)).slice(0, PICKER_LIMIT)) {
      if (!seen.has(unit.id)) out.push(unit);
      seen.add(unit.id);
    }
  }
  return out;
}
