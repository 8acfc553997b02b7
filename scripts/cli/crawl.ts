import { parseArgs } from 'node:util';
import { runCrawlAccount, type CrawlAccountSummary } from '@/crawlers/jobs/crawl-account';
import { slotStart } from '@/crawlers/jobs/slots';
import { createCrawlRuntime } from '@/crawlers/runtime';
import { listDueCrawlTargets } from '@/lib/data/crawl-targets';
import { checkCredentialKey, createCredentialResolver } from '@/lib/services/resolve-credential';
import type { CliCommand } from './types';

export const crawlCommand: CliCommand = {
  usage: '--once [--account <id>] [--concurrency <n>]',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({
      args,
      options: {
        once: { type: 'boolean', default: false },
        account: { type: 'string' },
        concurrency: { type: 'string', default: '4' },
      },
    });
    if (!values.once) {
      err('Only `crawl --once` runs here; `npm run worker` crawls continuously.');
      return 2;
    }
    const now = new Date();
    const ids = values.account
      ? [values.account]
      : (await listDueCrawlTargets(db, { at: now, limit: 100_000 })).map((t) => t.accountId);
    const runtime = createCrawlRuntime();
    await checkCredentialKey({ db });
    const credentials = createCredentialResolver({ db });
    const summaries: CrawlAccountSummary[] = [];
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const accountId = ids[next++];
        if (!accountId) break;
        const at = new Date();
        summaries.push(
          await runCrawlAccount({
            now: at,
            db,
            accountId,
            slot: slotStart(now),
            crawlers: runtime.crawlers,
            ctx: runtime.context(at),
            resolveCredential: credentials.resolve,
            reportCredential: credentials.report,
          }),
        );
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.max(1, Number(values.concurrency) || 1) }, worker));
    } finally {
      await runtime.close();
    }
    const count = (status: string) => summaries.filter((s) => s.status === status).length;
    out(
      `Crawled ${summaries.length} account(s): ${count('SUCCEEDED')} succeeded, ${count('PARTIAL')} partial, ${count('FAILED')} failed, ${count('SKIPPED')} skipped.`,
    );
    return count('FAILED') > 0 && values.account ? 1 : 0;
  },
};
