import { z } from 'zod';
import type { Db, PrismaClient } from '@/lib/db/types';
import { createImportedAccounts, listRegisteredHandles, type ImportedAccount } from '@/lib/data/account-import';
import { findAgenciesByCodes } from '@/lib/data/agencies';
import { listEnabledPlatformCodes } from '@/lib/data/platforms';
import { AppError, type AppErrorKey } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { formatErrorMessage } from '@/lib/i18n/error-messages';
import { localizeZodError } from '@/lib/i18n/localize-zod';
import { platformName } from '@/lib/platforms';
import type { CrawlColumn, CrawlIssueParams } from '@/lib/schemas/account-crawl-columns';
import {
  ACCOUNT_IMPORT_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  accountImportRowSchema,
  type AccountImportPreview,
  type AccountImportPreviewRow,
  type ImportRowError,
} from '@/lib/schemas/account-import';
import {
  ACCOUNT_HEADER_NAMES,
  accountCellsByCode,
  accountColumnOf,
  EXAMPLE_ROW_MARK,
} from '@/lib/import/account-headers';
import { readImportTable, type ImportFile, type ImportTable } from './read-import-table';
import { recordAudit } from './record-audit';

/** Thrown when any row is invalid: nothing was written, `errors` names every bad row and column. */
export class ImportRejectedError extends AppError {
  readonly errors: ImportRowError[];
  constructor(errors: ImportRowError[]) {
    super('VALIDATION', 'importRejected', { params: { count: errors.length }, details: { errors } });
    this.errors = errors;
  }
}

type ValidRow = AccountImportPreviewRow & { agencyId: string; openedAtDate: Date | null };

/**
 * Row errors are sentences in `locale`: the dashboard passes the request's language, the CLI leaves the default
 * (English, as its other output).
 */
type Say = (key: AppErrorKey, params?: Record<string, string | number>) => string;
const sayIn =
  (locale: Locale): Say =>
  (key, params) =>
    formatErrorMessage(locale, key, params);

/** Parses and checks a file against the database without writing: the preview step of an import. */
export async function previewAccountImport({
  db,
  file,
  locale = 'en',
}: {
  db: Db;
  file: ImportFile;
  locale?: Locale;
}): Promise<AccountImportPreview> {
  const table = await readAccountTable(file);
  const { valid, errors } = await validateTable(db, table, locale);
  return {
    rows: valid.map(({ agencyId: _a, openedAtDate: _o, ...row }) => row),
    errors,
    suspectRows: table.suspectRows,
  };
}

/** All-or-nothing: validates inside one transaction and creates every account, or throws ImportRejectedError. */
export async function importAccounts({
  db,
  file,
  actorId = null,
  isDryRun = false,
  locale = 'en',
}: {
  db: PrismaClient;
  file: ImportFile;
  actorId?: string | null;
  isDryRun?: boolean;
  locale?: Locale;
}): Promise<{ imported: number; preview: AccountImportPreview }> {
  const table = await readAccountTable(file);
  const say = sayIn(locale);
  return db.$transaction(
    async (tx) => {
      const { valid, errors } = await validateTable(tx, table, locale);
      // Text already broken before upload (U+FFFD) is never stored: the preview says which rows.
      const broken = table.suspectRows.map((row) => ({
        row,
        column: null,
        message: say('importBrokenText'),
      }));
      if (errors.length > 0 || broken.length > 0)
        throw new ImportRejectedError([...errors, ...broken].sort((a, b) => a.row - b.row));
      const preview = {
        rows: valid.map(({ agencyId: _a, openedAtDate: _o, ...row }) => row),
        errors,
        suspectRows: table.suspectRows,
      };
      if (isDryRun) return { imported: 0, preview };
      const imported = await createImportedAccounts(tx, valid.map(toAccount));
      await recordAudit(tx, {
        actorId,
        action: 'account.import',
        entityType: 'account',
        entityId: null,
        after: { file: file.name, imported },
      });
      return { imported, preview };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

const toAccount = (r: ValidRow): ImportedAccount => ({
  agencyId: r.agencyId,
  platformCode: r.platform,
  handle: r.handle,
  displayName: r.displayName,
  url: r.url,
  filingNumber: r.filingNumber,
  filingStatus: r.filingStatus,
  openedAt: r.openedAtDate,
  crawlConfig: r.crawlConfig,
});

/**
 * The file's table with Chinese or English headers as column codes, platform and filing status names as codes, and
 * the template's example row left out.
 */
async function readAccountTable(file: ImportFile): Promise<ImportTable> {
  const table = await readImportTable(file, accountColumnOf);
  const rows = table.rows
    .filter(
      (r) =>
        !String(r.cells.agency_code ?? '')
          .trim()
          .startsWith(EXAMPLE_ROW_MARK),
    )
    .map((r) => ({ ...r, cells: accountCellsByCode(r.cells) }));
  return { ...table, rows };
}

/**
 * One zod issue of a row in `locale`, through the shared zod localizer: keyed issues (validation.*, the crawl columns'
 * with their values worded for the reader, see crawlParamWords) and standard ones. A custom issue without a key
 * (lib/schemas/text.ts) as written.
 */
function rowIssueText(issue: z.core.$ZodIssue, locale: Locale): string {
  if (issue.code !== 'custom') return localizeZodError(new z.ZodError([issue]), locale).message;
  if (!issue.message.startsWith('validation.')) return issue.message;
  const params = issue.params && crawlParamWords(issue.params as CrawlIssueParams, locale);
  return localizeZodError(new z.ZodError([{ ...issue, params }]), locale).message;
}

/**
 * A crawl-column message's values in the reader's words: the platform by its name, columns by the template's Chinese
 * headers in Chinese (the codes in English, as the CLI's files use them), lists as "a, b or c" / "a, b and c".
 */
function crawlParamWords(
  { platform, anyOf, allOf, ...rest }: CrawlIssueParams,
  locale: Locale,
): Record<string, string | number> {
  const column = (c: CrawlColumn) => (locale === 'en' ? c : ACCOUNT_HEADER_NAMES[c]);
  const list = (columns: readonly CrawlColumn[], type: 'disjunction' | 'conjunction') =>
    new Intl.ListFormat(locale, { type }).format(columns.map(column));
  return {
    ...rest,
    ...(platform ? { platform: platformName(platform, locale) } : {}),
    ...(anyOf ? { anyOf: list(anyOf, 'disjunction') } : {}),
    ...(allOf ? { allOf: list(allOf, 'conjunction') } : {}),
  };
}

function checkHeader(header: string[], say: Say): ImportRowError[] {
  const known = new Set<string>(ACCOUNT_IMPORT_COLUMNS);
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !header.includes(c)).map((c) => ({
    row: 1,
    column: c,
    message: say('importMissingColumn'),
  }));
  const unknown = header
    .filter((h) => h !== '' && !known.has(h))
    .map((h) => ({ row: 1, column: h, message: say('importUnknownColumn') }));
  return [...missing, ...unknown];
}

async function validateTable(
  db: Db,
  table: ImportTable,
  locale: Locale,
): Promise<{ valid: ValidRow[]; errors: ImportRowError[] }> {
  const say = sayIn(locale);
  const errors = checkHeader(table.header, say);
  if (errors.length > 0) return { valid: [], errors };
  if (table.rows.length === 0)
    return { valid: [], errors: [{ row: 2, column: null, message: say('importNoDataRows') }] };
  const parsed = table.rows.map((r) => ({ row: r.rowNumber, result: accountImportRowSchema.safeParse(r.cells) }));
  const ok = parsed.flatMap((p) => (p.result.success ? [{ row: p.row, data: p.result.data }] : []));
  for (const p of parsed) {
    if (p.result.success) continue;
    for (const issue of p.result.error.issues)
      errors.push({
        row: p.row,
        column: String(issue.path[0] ?? '') || null,
        message: rowIssueText(issue, locale),
      });
  }
  const [agencies, platforms, registered] = await Promise.all([
    findAgenciesByCodes(db, [...new Set(ok.map((r) => r.data.agency_code))]),
    listEnabledPlatformCodes(db),
    listRegisteredHandles(
      db,
      ok.map((r) => ({ platformCode: r.data.platform, handle: r.data.handle })),
    ),
  ]);
  const firstRowOfHandle = new Map<string, number>();
  const valid: ValidRow[] = [];
  for (const { row, data } of ok) {
    const key = `${data.platform}:${data.handle}`;
    const rowErrors: ImportRowError[] = [];
    const agencyId = agencies.get(data.agency_code)?.id;
    if (!agencyId)
      rowErrors.push({
        row,
        column: 'agency_code',
        message: say('importUnknownAgencyCode', { code: data.agency_code }),
      });
    if (!platforms.has(data.platform))
      rowErrors.push({
        row,
        column: 'platform',
        message: say('importPlatformNotEnabled', { platform: data.platform }),
      });
    const earlier = firstRowOfHandle.get(key);
    if (earlier !== undefined)
      rowErrors.push({ row, column: 'handle', message: say('importDuplicateRow', { row: earlier }) });
    else firstRowOfHandle.set(key, row);
    if (registered.has(key))
      rowErrors.push({ row, column: 'handle', message: say('importAlreadyRegistered', { account: key }) });
    errors.push(...rowErrors);
    if (rowErrors.length > 0 || !agencyId) continue;
    valid.push({
      row,
      agencyId,
      agencyCode: data.agency_code,
      platform: data.platform,
      handle: data.handle,
      displayName: data.display_name,
      url: data.url ?? null,
      filingNumber: data.filing_number ?? null,
      filingStatus: data.filing_status,
      openedAt: data.opened_at?.toISOString() ?? null,
      openedAtDate: data.opened_at ?? null,
      crawlConfig: data.crawlConfig,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { valid, errors };
}
