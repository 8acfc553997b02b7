import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { insertLinkChecks } from '@/lib/data/link-checks';
import { linkProbeSchema, type LinkCheckOutcome, type LinkProbeInput } from '@/lib/schemas/link-check';

export type RecordLinkChecksSummary = Record<LinkCheckOutcome, number>;

/** Stores the probes of one account's run (validated at this boundary); D6 scores them at the next inspection. */
export async function recordLinkChecks({
  db = getDb(),
  accountId,
  probes,
}: {
  db?: Db;
  accountId: string;
  probes: LinkProbeInput[];
}): Promise<RecordLinkChecksSummary> {
  const rows = probes.map((p) => ({ accountId, ...linkProbeSchema.parse(p) }));
  await insertLinkChecks(db, rows);
  const summary: RecordLinkChecksSummary = { OK: 0, BROKEN: 0, NOT_CHECKED: 0 };
  for (const r of rows) summary[r.outcome] += 1;
  return summary;
}
