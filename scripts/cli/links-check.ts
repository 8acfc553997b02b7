import { parseArgs } from 'node:util';
import { runCheckLinks, type CheckLinksSummary } from '@/crawlers/jobs/check-links';
import { createLinkCheckRuntime } from '@/crawlers/links/runtime';
import { createMenuReader } from '@/crawlers/links/wechat-menu';
import { createCrawlRuntime } from '@/crawlers/runtime';
import { listLinkCheckAccountIds } from '@/lib/data/link-checks';
import { getEditionInForce } from '@/lib/services/get-edition-in-force';
import { checkCredentialKey, createCredentialResolver } from '@/lib/services/resolve-credential';
import type { CliCommand } from './types';
import { DAY_MS } from '@/lib/time';

/** `links check --once`: the D6 link checks the worker runs hourly, now, for every account with links or one. */
export const linksCheckCommand: CliCommand = {
  usage: '--once [--account <id>]',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({
      args,
      options: { once: { type: 'boolean', default: false }, account: { type: 'string' } },
    });
    if (!values.once) {
      err('Only `links check --once` runs here; `npm run worker` checks links every hour.');
      return 2;
    }
    const now = new Date();
    const edition = await getEditionInForce({ db });
    const ids = values.account
      ? [values.account]
      : await listLinkCheckAccountIds(db, {
          since: new Date(now.getTime() - edition.contentWindowDays * DAY_MS),
          until: now,
          limit: 100_000,
        });
    const links = createLinkCheckRuntime();
    const crawl = createCrawlRuntime();
    await checkCredentialKey({ db });
    const readMenu = createMenuReader({
      context: (at) => crawl.context(at),
      resolveCredential: createCredentialResolver({ db }).resolve,
      log: (line) => err(JSON.stringify(line)),
    });
    const summaries: CheckLinksSummary[] = [];
    try {
      for (const accountId of ids)
        summaries.push(
          await runCheckLinks({
            now: new Date(),
            db,
            accountId,
            checker: links.checker,
            limits: links.limits,
            acceptUrl: links.acceptUrl,
            readMenu,
          }),
        );
    } finally {
      await crawl.close();
    }
    const total = { OK: 0, BROKEN: 0, NOT_CHECKED: 0, deferred: 0 };
    for (const s of summaries) {
      if (s.status !== 'CHECKED') continue;
      total.OK += s.outcomes.OK;
      total.BROKEN += s.outcomes.BROKEN;
      total.NOT_CHECKED += s.outcomes.NOT_CHECKED;
      total.deferred += s.deferred;
    }
    const skipped = summaries.filter((s) => s.status === 'SKIPPED').length;
    out(
      `Checked links of ${summaries.length - skipped} account(s) (${skipped} skipped): ${total.OK} alive, ${total.BROKEN} broken, ${total.NOT_CHECKED} not checked, ${total.deferred} left for the next run.`,
    );
    return 0;
  },
};
