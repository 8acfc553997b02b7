import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findEditionById, listEditionsWithUse } from '@/lib/data/editions';
import { readEdition } from '@/lib/scoring';

export async function listEditions({ db = getDb() }: { db?: Db } = {}) {
  return listEditionsWithUse(db);
}

/** One edition with its catalogue validated (a stored catalogue that no longer parses is a bug, not user input). */
export async function getEdition({ id, db = getDb() }: { id: string; db?: Db }) {
  const row = await findEditionById(db, id);
  return row ? { ...row, basedOnCode: row.basedOn?.code ?? null, catalogue: readEdition(row.catalogue) } : null;
}
