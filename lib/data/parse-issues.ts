import type { Db } from '@/lib/db/types';
import type { ParseIssueInput } from '@/lib/schemas/snapshot';

export type ParseIssueDto = {
  endpoint: string;
  itemKey: string | null;
  path: string;
  message: string;
  rawJson: string;
  createdAt: string;
};

/** The items a crawl run skipped; a re-ingested slot replaces its earlier list. */
export async function replaceParseIssues(
  db: Db,
  crawlRunId: string,
  issues: readonly ParseIssueInput[],
): Promise<void> {
  await db.crawlParseIssue.deleteMany({ where: { crawlRunId } });
  if (issues.length === 0) return;
  await db.crawlParseIssue.createMany({
    data: issues.map((i) => ({
      crawlRunId,
      endpoint: i.endpoint,
      itemKey: i.itemKey ?? null,
      zodPath: i.path,
      message: i.message,
      rawJson: i.rawJson,
    })),
  });
}

export async function listParseIssues(db: Db, crawlRunId: string): Promise<ParseIssueDto[]> {
  const rows = await db.crawlParseIssue.findMany({ where: { crawlRunId }, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({
    endpoint: r.endpoint,
    itemKey: r.itemKey,
    path: r.zodPath,
    message: r.message,
    rawJson: r.rawJson,
    createdAt: r.createdAt.toISOString(),
  }));
}
