import { parseArgs } from 'node:util';
import { runReparse } from '@/crawlers/jobs/reparse-runs';
import { defaultCrawlerRegistry } from '@/crawlers/registry';
import { platformCodeSchema } from '@/lib/schemas/enums';
import { checkCredentialKey, createCredentialResolver } from '@/lib/services/resolve-credential';
import type { CliCommand } from './types';

/**
 * `reparse --since <date> [--platform P]`: re-derives the snapshots of the runs fetched since the date from the raw
 * archive with the crawlers as they are now (after a parser fix), never touching the network, and re-scores the
 * finished inspections whose inputs changed. Runs the archive cannot fully answer are listed and left as they were.
 */
export const reparseCommand: CliCommand = {
  usage: '--since <YYYY-MM-DD|ISO time> [--platform <WEIBO|WECHAT|…>]',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({ args, options: { since: { type: 'string' }, platform: { type: 'string' } } });
    const since = values.since
      ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(values.since) ? `${values.since}T00:00:00+08:00` : values.since)
      : null;
    if (!since || Number.isNaN(since.getTime())) {
      err('reparse needs --since <YYYY-MM-DD> (an Asia/Shanghai day) or an ISO time.');
      return 2;
    }
    const platform =
      values.platform === undefined ? undefined : platformCodeSchema.safeParse(values.platform.toUpperCase());
    if (platform && !platform.success) {
      err(`Unknown platform ${values.platform}.`);
      return 2;
    }
    await checkCredentialKey({ db });
    const registry = defaultCrawlerRegistry();
    const summary = await runReparse({
      db,
      since,
      platform: platform?.data,
      crawlers: (p) => registry.get(p),
      now: () => new Date(),
      resolveCredential: createCredentialResolver({ db }).resolve,
    });
    for (const run of summary.runs)
      if (run.status === 'REFUSED')
        err(`run ${run.runId} (account ${run.accountId}) not re-parsed: ${run.reason} ${run.detail}`);
    out(
      `Re-parsed ${summary.runs.length} run(s): ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.refused} refused; ${summary.rescored} score(s) recomputed.`,
    );
    return summary.refused > 0 ? 1 : 0;
  },
};
