import { canAccessAgency, EXPORT_ROLES, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { findAgencyNode } from '@/lib/data/agencies';
import { notFound } from '@/lib/errors';
import { renderExport, type RenderedExport } from '@/lib/export/render';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';
import { exportQuerySchema, type ExportQuery } from '@/lib/schemas/export';
import { buildAnnualReport } from './build-annual-report';
import { buildQuarterlyNotice } from './build-quarterly-notice';
import { issueDocumentNumberFor } from './issue-document-number';
import { assertDirectExportSize } from './measure-export-scopes';
import { recordAudit } from './record-audit';

/** Progress steps of one report: figures gathered, number issued, file rendered (the job stores it as the last). */
export const EXPORT_REPORT_STEPS = 4;

/**
 * Builds the notice or annual report, issues its reference number (none for an empty period), renders it, and
 * records who exported what (exports leave the system, so they are audited like writes). Locale: the query's, else the user's, else zh-CN.
 */
export async function exportReport({
  access,
  query,
  now,
  db = getDb(),
  maxAccounts,
  onProgress,
}: {
  access: Access;
  query: ExportQuery;
  now: Date;
  db?: Db;
  /** A direct (in-request) export: scopes with more registered accounts are refused, they run as jobs. */
  maxAccounts?: number;
  /** Steps done of EXPORT_REPORT_STEPS, for a background job's progress. */
  onProgress?: (done: number, total: number) => Promise<void>;
}): Promise<RenderedExport> {
  const q = exportQuerySchema.parse(query);
  if (maxAccounts !== undefined) {
    // Scope first: the size of an agency outside the caller's scope is not theirs to learn.
    const agency = await findAgencyNode(db, q.agencyId);
    if (!agency || !canAccessAgency(access, EXPORT_ROLES, agency)) throw notFound('agency');
    await assertDirectExportSize({ agencyId: q.agencyId, db, limit: maxAccounts });
  }
  const step = async (done: number) => onProgress?.(done, EXPORT_REPORT_STEPS);
  const args = { access, agencyId: q.agencyId, period: q.period, now, db };
  const built = q.kind === 'notice' ? await buildQuarterlyNotice(args) : await buildAnnualReport(args);
  await step(1);
  // Exporting issues the document: it takes its 发文字号 now (kept for the period on every later export).
  const document = await issueDocumentNumberFor(db, built, access.userId, now);
  await step(2);
  const locale = q.locale ?? (isLocale(access.locale) ? access.locale : DEFAULT_LOCALE);
  const rendered = await renderExport(document, q.format, locale);
  await step(3);
  await recordAudit(db, {
    actorId: access.userId,
    action: `export.${q.kind}`,
    entityType: 'agency',
    entityId: q.agencyId,
    after: {
      period: document.period.code,
      format: q.format,
      locale,
      bytes: rendered.bytes.byteLength,
      accounts: document.summary.accountsInspected,
      findings: document.summary.confirmedFindings,
      sequence: document.reference.sequence,
    },
  });
  return rendered;
}
