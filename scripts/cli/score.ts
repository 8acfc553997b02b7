import { parseArgs } from 'node:util';
import { runScoreInspection } from '@/crawlers/jobs/score-inspection';
import { startInspection } from '@/lib/services/start-inspection';
import { parseMonitoringAt } from '@/lib/schemas/day';
import type { CliCommand } from './types';

export const scoreCommand: CliCommand = {
  usage: '--at <ISO date> [--edition <code>] [--scope <agencyCode>]',
  async run(args, { db, out, err }) {
    const { values } = parseArgs({
      args,
      options: { at: { type: 'string' }, edition: { type: 'string' }, scope: { type: 'string' } },
    });
    const now = new Date();
    // A bare day is a Beijing day, monitored as of its end (docs/dates.md).
    const at = parseMonitoringAt(values.at, now);
    if (!at) {
      err(
        `score ${this.usage}  (--at must be a past date such as 2026-03-31, Beijing day, or 2026-03-31T23:59:59+08:00)`,
      );
      return 2;
    }
    const { inspectionId } = await startInspection({
      db,
      monitoringAt: at,
      scopeAgencyCode: values.scope,
      editionCode: values.edition,
    });
    out(`Inspection ${inspectionId} created; scoring…`);
    const { result } = await runScoreInspection({ now, db, inspectionId });
    out(JSON.stringify({ inspectionId, result }, null, 2));
    return 0;
  },
};
