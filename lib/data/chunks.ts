/** PostgreSQL's protocol caps bind parameters at 65 535 per statement; scoring a whole province passes more ids. */
export const MAX_IDS_PER_QUERY = 10_000;

/** Runs `query` over slices of `ids` one after another and concatenates the rows. */
export async function inChunks<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_QUERY)
    out.push(...(await query(ids.slice(i, i + MAX_IDS_PER_QUERY))));
  return out;
}
