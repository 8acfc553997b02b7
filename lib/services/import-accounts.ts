import type { Db, PrismaClient } from '@/lib/db/types';
import {
  createImportedAccounts,
  listEnabledPlatformCodes,
  listRegisteredHandles,
  mapAgencyIdsByCode,
  type ImportedAccount,
} from '@/lib/data/account-import';
import { AppError } from '@/lib/errors';
import {
  ACCOUNT_IMPORT_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  accountImportRowSchema,
  type AccountImportPreview,
  type AccountImportPreviewRow,
  type ImportRowError,
} from '@/lib/schemas/account-import';
import { readImportTable, type ImportFile, type ImportTable } from './read-import-table';
import { recordAudit } from './record-audit';

/** Thrown when any row is invalid: nothing was written, `errors` names every bad row and column. */
export class ImportRejectedError extends AppError {
  readonly errors: ImportRowError[];
  constructor(errors: ImportRowError[]) {
    super('VALIDATION', `${errors.length} problem(s) in the file; nothing was imported`, { details: { errors } });
    this.errors = errors;
  }
}

type ValidRow = AccountImportPreviewRow & { agencyId: string; openedAtDate: Date | null };

/** Parses and checks a file against the database without writing: the preview step of an import. */
export async function previewAccountImport({ db, file }: { db: Db; file: ImportFile }): Promise<AccountImportPreview> {
  const { valid, errors } = await validateTable(db, await readImportTable(file));
  return { rows: valid.map(({ agencyId: _a, openedAtDate: _o, ...row }) => row), errors };
}

/** All-or-nothing: validates inside one transaction and creates every account, or throws ImportRejectedError. */
export async function importAccounts({
  db,
  file,
  actorId = null,
  isDryRun = false,
}: {
  db: PrismaClient;
  file: ImportFile;
  actorId?: string | null;
  isDryRun?: boolean;
}): Promise<{ imported: number; preview: AccountImportPreview }> {
  const table = await readImportTable(file);
  return db.$transaction(
    async (tx) => {
      const { valid, errors } = await validateTable(tx, table);
      if (errors.length > 0) throw new ImportRejectedError(errors);
      const preview = { rows: valid.map(({ agencyId: _a, openedAtDate: _o, ...row }) => row), errors };
      if (isDryRun) return { imported: 0, preview };
      const imported = await createImportedAccounts(tx, valid.map(toAccount));
      await recordAudit(tx, { actorId, action: 'account.import', entityType: 'account', entityId: null, after: { file: file.name, imported } });
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
});

function checkHeader(header: string[]): ImportRowError[] {
  const known = new Set<string>(ACCOUNT_IMPORT_COLUMNS);
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !header.includes(c)).map((c) => ({ row: 1, column: c, message: 'Missing column' }));
  const unknown = header.filter((h) => h !== '' && !known.has(h)).map((h) => ({ row: 1, column: h, message: 'Unknown column' }));
  return [...missing, ...unknown];
}

async function validateTable(db: Db, table: ImportTable): Promise<{ valid: ValidRow[]; errors: ImportRowError[] }> {
  const errors = checkHeader(table.header);
  if (errors.length > 0) return { valid: [], errors };
  if (table.rows.length === 0) return { valid: [], errors: [{ row: 2, column: null, message: 'No data rows' }] };
  const parsed = table.rows.map((r) => ({ row: r.rowNumber, result: accountImportRowSchema.safeParse(r.cells) }));
  const ok = parsed.flatMap((p) => (p.result.success ? [{ row: p.row, data: p.result.data }] : []));
  for (const p of parsed) {
    if (p.result.success) continue;
    for (const issue of p.result.error.issues) errors.push({ row: p.row, column: String(issue.path[0] ?? '') || null, message: issue.message });
  }
  const [agencyIds, platforms, registered] = await Promise.all([
    mapAgencyIdsByCode(db, [...new Set(ok.map((r) => r.data.agency_code))]),
    listEnabledPlatformCodes(db),
    listRegisteredHandles(db, ok.map((r) => ({ platformCode: r.data.platform, handle: r.data.handle }))),
  ]);
  const firstRowOfHandle = new Map<string, number>();
  const valid: ValidRow[] = [];
  for (const { row, data } of ok) {
    const key = `${data.platform}:${data.handle}`;
    const rowErrors: ImportRowError[] = [];
    const agencyId = agencyIds.get(data.agency_code);
    if (!agencyId) rowErrors.push({ row, column: 'agency_code', message: `Unknown agency code "${data.agency_code}"` });
    if (!platforms.has(data.platform)) rowErrors.push({ row, column: 'platform', message: `Platform ${data.platform} is not enabled` });
    const earlier = firstRowOfHandle.get(key);
    if (earlier !== undefined) rowErrors.push({ row, column: 'handle', message: `Duplicate of row ${earlier}` });
    else firstRowOfHandle.set(key, row);
    if (registered.has(key)) rowErrors.push({ row, column: 'handle', message: `Account ${key} is already registered` });
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
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { valid, errors };
}
