import type { PrismaClient } from '@/lib/db/types';
import type { SnapshotInput } from '@/lib/schemas/snapshot';
import { reparseRuns, type Rederive, type ReparseInput, type ReparseSummary } from '@/lib/services/reparse-runs';
import { replayHttp } from '../archive/replay';
import { loadOrigins, type Origins } from '../origins';
import type { CrawlContext, CrawlerLookup } from '../types';

export type { ReparseRunOutcome, ReparseSummary } from '@/lib/services/reparse-runs';

export type ReparseArgs = {
  db: PrismaClient;
  since: Date;
  platform?: string;
  crawlers: CrawlerLookup<CrawlContext>;
  /** Clock of the re-ingest (the run keeps its fetchedAt: the answers are as old as they were). */
  now: () => Date;
  resolveCredential?: (credentialId: string) => Promise<unknown>;
};

/**
 * Re-derives the snapshots of finished runs from their archived answers with the crawlers as they are now (after a
 * parser fix), without touching the network, and re-scores the finished inspections whose inputs changed. A run whose
 * requests the archive cannot all answer is refused and nothing of it is written.
 */
export async function runReparse(args: ReparseArgs): Promise<ReparseSummary> {
  return reparseRuns({
    db: args.db,
    since: args.since,
    platform: args.platform,
    now: args.now,
    rederive: rederiveWith(args),
  });
}

/** Replays one run's archived answers through today's crawler; a request the archive cannot answer refuses the run. */
function rederiveWith(args: ReparseArgs): Rederive {
  return async ({ run, target, replay: input, exchanges }: ReparseInput) => {
    const crawler = args.crawlers(target.platform);
    if (!crawler) return { refused: 'NO_CRAWLER', detail: `no crawler for ${target.platform}` };
    const replay = replayHttp(
      exchanges.map((e) => ({ ...e, status: e.httpStatus, url: e.url ?? e.requestKey.replace(/^\S+ /, '') })),
    );
    const origins: Origins = { ...loadOrigins({}), ...(input.origins as Partial<Origins> | undefined) };
    const ctx: CrawlContext = { now: run.fetchedAt, http: replay.http, origins };
    const credential =
      target.credentialId && args.resolveCredential
        ? await args.resolveCredential(target.credentialId).catch(() => undefined)
        : undefined;
    let snapshot: SnapshotInput;
    try {
      snapshot = await crawler.crawl(
        { ...target, since: input.since, knownPostIds: input.knownPostIds, credential },
        ctx,
      );
    } catch (error) {
      return { refused: 'CRAWL_FAILED', detail: error instanceof Error ? error.message : String(error) };
    }
    if (replay.misses().length > 0)
      return { refused: 'NOT_IN_ARCHIVE', detail: replay.misses().slice(0, 3).join(', ') };
    if (!snapshot.outcome.ok)
      return { refused: 'CRAWL_FAILED', detail: `${snapshot.outcome.kind}: ${snapshot.outcome.message}` };
    return { snapshot };
  };
}
