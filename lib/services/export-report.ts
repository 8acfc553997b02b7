import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { renderExport, type RenderedExport } from '@/lib/export/render';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { exportQuerySchema, type ExportQuery } from '@/lib/schemas/export';
import { buildAnnualReport } from './build-annual-report';
import { buildQuarterlyNotice } from './build-quarterly-notice';
import { recordAudit } from './record-audit';

/**
 * Builds the notice or annual report, renders it, and records who exported what (exports leave the system,
 * so they are audited like writes). Locale: the query's, else the user's, else zh-CN.
 */
export async function exportReport({ access, query, now, db = getDb() }: { access: Access; query: ExportQuery; now: Date; db?: Db }): Promise<RenderedExport> {
  const q = exportQuerySchema.parse(query);
  const args = { access, agencyId: q.agencyId, period: q.period, now, db };
  const document = q.kind === 'notice' ? await buildQuarterlyNotice(args) : await buildAnnualReport(args);
  const locale = q.locale ?? (isLocale(access.locale) ? access.locale : DEFAULT_LOCALE);
  const rendered = await renderExport(document, q.format, locale);
  await recordAudit(db, {
    actorId: access.userId,
    action: `export.${q.kind}`,
    entityType: 'agency',
    entityId: q.agencyId,
    after: { period: document.period.code, format: q.format, locale, bytes: rendered.bytes.byteLength, accounts: document.summary.accountsInspected, findings: document.summary.confirmedFindings },
  });
  return rendered;
}
