import { ancestorsInScope, canAccessAgency, READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { readKey, readThrough } from '@/lib/cache/read-cache';
import { findAgencyNode } from '@/lib/data/agencies';
import {
  countAgencyOptions,
  listAgencyOptionNodes,
  listAgencyOptionTop,
  listAgencyOptions,
  type AgencyOptionDto,
} from '@/lib/data/agency-tree';
import { getDb, getReadDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';

export type PickerOption = { id: string; name: string; parentId: string | null; lazyChildren?: boolean };
/** `lazy`: only the top of the tree was sent; the picker loads the rest from /api/agencies/options. */
export type ReadAgencyPicker = { agencies: PickerOption[]; lazy: boolean };

const DEFAULT_EAGER_MAX = 200;

/**
 * AGENCY_PICKER_EAGER_MAX (default 200): a read scope of at most this many agencies is sent whole (the picker
 * filters it locally, as every small form does); a larger one sends its top levels within the same number of
 * nodes. At province scale (1 + 16 cities + 128 counties + 5 120 townships) that is the 145 nodes down to the
 * counties instead of a 448 kB list on every request. E2E sets it low to run the lazy path on the demo province.
 */
export function agencyPickerEagerMax(env: Record<string, string | undefined> = process.env): number {
  const raw = Number(env.AGENCY_PICKER_EAGER_MAX ?? DEFAULT_EAGER_MAX);
  return Number.isInteger(raw) && raw >= 1 ? raw : DEFAULT_EAGER_MAX;
}

/** The agencies a reader's picker starts with (same for every reader of one scope). */
async function pickerTop(db: Db, roots: string[], eagerMax: number): Promise<ReadAgencyPicker> {
  if ((await countAgencyOptions(db, roots)) <= eagerMax)
    return { agencies: await listAgencyOptions(db, roots), lazy: false };
  return { agencies: await listAgencyOptionTop(db, roots, eagerMax), lazy: true };
}

/** The chosen agency and its ancestors in the scope, when the top of the tree does not hold it (lazy only). */
async function chosenPath(db: Db, access: Access, sent: PickerOption[], chosenId?: string): Promise<AgencyOptionDto[]> {
  if (!chosenId || sent.some((a) => a.id === chosenId)) return [];
  const chosen = await findAgencyNode(db, chosenId);
  if (!chosen || !canAccessAgency(access, READ_ROLES, chosen)) return [];
  const have = new Set(sent.map((a) => a.id));
  const ids = [...ancestorsInScope(chosen.ancestorIds, scopeRoots(access, READ_ROLES)), chosen.id];
  // Above the chosen one only its own branch comes: their other children are still to load.
  return (
    await listAgencyOptionNodes(
      db,
      ids.filter((id) => !have.has(id)),
    )
  ).map((a) => (a.id === chosen.id ? a : { ...a, lazyChildren: true }));
}

/**
 * The agencies a reader may filter by (their read scope) for the tree picker: all of them when few, else the top
 * of the tree plus the path to `chosenId` (so the chosen label still shows).
 */
export async function listReadAgencyPicker({
  access,
  chosenId,
  eagerMax = agencyPickerEagerMax(),
  db = getDb(),
}: {
  access: Access;
  chosenId?: string;
  eagerMax?: number;
  db?: Db;
}): Promise<ReadAgencyPicker> {
  const top = await pickerTop(db, scopeRoots(access, READ_ROLES), eagerMax);
  if (!top.lazy) return top;
  return { ...top, agencies: [...top.agencies, ...(await chosenPath(db, access, top.agencies, chosenId))] };
}

/** The same, the top shared for a few seconds by every reader of one scope (lib/cache/read-cache.ts). */
export async function listSharedReadAgencyPicker({
  access,
  chosenId,
}: {
  access: Access;
  chosenId?: string;
}): Promise<ReadAgencyPicker> {
  const roots = scopeRoots(access, READ_ROLES);
  const eagerMax = agencyPickerEagerMax();
  const top = await readThrough(readKey('agency-picker', roots, eagerMax), () =>
    pickerTop(getReadDb(), roots, eagerMax),
  );
  if (!top.lazy) return top;
  return { ...top, agencies: [...top.agencies, ...(await chosenPath(getReadDb(), access, top.agencies, chosenId))] };
}
