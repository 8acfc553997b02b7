import type { Db } from '@/lib/db/types';
import { insertLexicon, listLexiconDefs, upsertEdition } from '@/lib/data/scoring-config';
import { NATIONAL_2019, STARTER_LEXICONS } from '@/lib/scoring';

/** Makes sure the built-in edition and the starter lexicons exist as data admins can edit; never overwrites. */
export async function ensureScoringConfig(db: Db): Promise<void> {
  await upsertEdition(db, { code: NATIONAL_2019.code, name: NATIONAL_2019.name, catalogue: NATIONAL_2019 });
  if ((await listLexiconDefs(db)).length > 0) return;
  for (const def of STARTER_LEXICONS) {
    await insertLexicon(db, { ...def, entries: def.entries.map((e) => ({ term: e.term, data: e.data ?? {} })) });
  }
}
