import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runScoreInspection } from '@/crawlers/jobs/score-inspection';
import { runStartInspection } from '@/crawlers/jobs/start-inspection';
import type { CliCommand } from './types';

export const scoreCommand: CliCommand = {
  usage: '--at <ISO date> [--edition <code>] [--scope <agencyCode>]',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({ args, options: { at: { type: 'string' }, edition: { type: 'string' }, scope: { type: 'string' } } });
    const at = z.coerce.date().safeParse(values.at);
    if (!values.at || !at.success) {
      err(`score ${this.usage}  (--at must be a date such as 2026-03-31 or 2026-03-31T23:59:59+08:00)`);
      return 2;
    }
    const { inspectionId } = await runStartInspection({ db, monitoringAt: at.data, scopeAgencyCode: values.scope, editionCode: values.edition });
    out(`Inspection ${inspectionId} created; scoring…`);
    const { result } = await runScoreInspection({ now: new Date(), db, inspectionId });
    out(JSON.stringify({ inspectionId, result }, null, 2));
    return 0;
  },
};
