import type { z } from 'zod';
import type { Db, PrismaClient } from '@/lib/db/types';
import { errorTranslator } from '@/lib/i18n/error-messages';
import { createAgencyBatch, findAgenciesByCodes, listRootAgencies, type AgencyRef } from '@/lib/data/agencies';
import {
  AGENCY_IMPORT_COLUMNS,
  REQUIRED_AGENCY_IMPORT_COLUMNS,
  agencyImportRowSchema,
  type AgencyImportRow,
} from '@/lib/schemas/agency-import';
import type { ImportRowError } from '@/lib/schemas/account-import';
import { ImportRejectedError } from './import-accounts';
import { readImportTable, type ImportFile, type ImportTable } from './read-import-table';
import { recordAudit } from './record-audit';

// Decisions:
// - A row whose code is already stored with the same name, level and parent is UNCHANGED (re-running a file is
//   harmless); with a different name, level or parent it is an error: the import never renames or moves
//   agencies (the admin pages do that, audited, with the subtree's ancestry rewritten).
// - Parents may come later in the same file; a parent chain that loops is an error on every row of the loop.
// - One tree per installation: at most one root (a row without parent_code), and none when a root is stored.

export type AgencyImportPreviewRow = {
  row: number;
  code: string;
  name: string;
  level: AgencyImportRow['level'];
  parentCode: string | null;
  status: 'NEW' | 'UNCHANGED';
};
export type AgencyImportPreview = { rows: AgencyImportPreviewRow[]; errors: ImportRowError[] };

type Parsed = { row: number; data: AgencyImportRow };

export async function previewAgencyImport({ db, file }: { db: Db; file: ImportFile }): Promise<AgencyImportPreview> {
  const { preview } = await validateTable(db, await readImportTable(file));
  return preview;
}

/** All-or-nothing: validates inside one transaction and creates every new agency, or throws ImportRejectedError. */
export async function importAgencies({
  db,
  file,
  actorId = null,
  isDryRun = false,
}: {
  db: PrismaClient;
  file: ImportFile;
  actorId?: string | null;
  isDryRun?: boolean;
}): Promise<{ created: number; unchanged: number; preview: AgencyImportPreview }> {
  const table = await readImportTable(file);
  return db.$transaction(
    async (tx) => {
      const { preview, fresh, stored } = await validateTable(tx, table);
      if (preview.errors.length > 0) throw new ImportRejectedError(preview.errors);
      const unchanged = preview.rows.length - fresh.length;
      if (isDryRun) return { created: 0, unchanged, preview };
      const created = await createInTreeOrder(tx, fresh, stored);
      await recordAudit(tx, {
        actorId,
        action: 'agency.import',
        entityType: 'agency',
        entityId: null,
        after: { file: file.name, created, unchanged },
      });
      return { created, unchanged, preview };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function createInTreeOrder(db: Db, fresh: Parsed[], stored: Map<string, AgencyRef>): Promise<number> {
  const known = new Map<string, { id: string; ancestorIds: string[] }>(
    [...stored].map(([code, a]) => [code, { id: a.id, ancestorIds: a.ancestorIds }]),
  );
  let pending = fresh;
  let created = 0;
  while (pending.length > 0) {
    const ready = pending.filter((p) => !p.data.parent_code || known.has(p.data.parent_code));
    // Unreachable after validation (parents exist, no loops); guards against an endless loop all the same.
    if (ready.length === 0) throw new Error('agency import: unresolved parents after validation');
    const ids = await createAgencyBatch(
      db,
      ready.map(({ data }) => {
        const parent = data.parent_code ? known.get(data.parent_code) : undefined;
        return {
          code: data.code,
          name: data.name,
          level: data.level,
          parentId: parent?.id ?? null,
          ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
          shortName: data.short_name ?? null,
          regionCode: data.region_code ?? null,
          isSupervisingUnit: data.is_supervising_unit,
        };
      }),
    );
    for (const { data } of ready) {
      const parent = data.parent_code ? known.get(data.parent_code) : undefined;
      const id = ids.get(data.code);
      if (!id) throw new Error(`agency import: ${data.code} was not created`);
      known.set(data.code, { id, ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [] });
    }
    created += ready.length;
    const done = new Set(ready);
    pending = pending.filter((p) => !done.has(p));
  }
  return created;
}

function checkHeader(header: string[]): ImportRowError[] {
  const known = new Set<string>(AGENCY_IMPORT_COLUMNS);
  const missing = REQUIRED_AGENCY_IMPORT_COLUMNS.filter((c) => !header.includes(c)).map((c) => ({
    row: 1,
    column: c,
    message: 'Missing column',
  }));
  const unknown = header
    .filter((h) => h !== '' && !known.has(h))
    .map((h) => ({ row: 1, column: h, message: 'Unknown column' }));
  return [...missing, ...unknown];
}

/** A keyed issue (validation.*, e.g. a cell holding U+FFFD) as an English sentence for the CLI; others as zod wrote them. */
function issueText(issue: z.core.$ZodIssue): string {
  if (!issue.message.startsWith('validation.')) return issue.message;
  return errorTranslator('en')(issue.message as never);
}

async function validateTable(
  db: Db,
  table: ImportTable,
): Promise<{ preview: AgencyImportPreview; fresh: Parsed[]; stored: Map<string, AgencyRef> }> {
  const errors = checkHeader(table.header);
  const empty = { preview: { rows: [], errors }, fresh: [], stored: new Map() };
  if (errors.length > 0) return empty;
  if (table.rows.length === 0)
    return { ...empty, preview: { rows: [], errors: [{ row: 2, column: null, message: 'No data rows' }] } };

  const ok: Parsed[] = [];
  for (const r of table.rows) {
    const result = agencyImportRowSchema.safeParse(r.cells);
    if (result.success) ok.push({ row: r.rowNumber, data: result.data });
    else
      for (const issue of result.error.issues)
        errors.push({ row: r.rowNumber, column: String(issue.path[0] ?? '') || null, message: issueText(issue) });
  }
  const codes = [...new Set(ok.flatMap((p) => [p.data.code, ...(p.data.parent_code ? [p.data.parent_code] : [])]))];
  const [stored, roots] = await Promise.all([findAgenciesByCodes(db, codes), listRootAgencies(db)]);

  const byCode = new Map<string, Parsed>();
  const rowErrors = new Map<number, ImportRowError[]>();
  const fail = (row: number, column: string | null, message: string) =>
    rowErrors.set(row, [...(rowErrors.get(row) ?? []), { row, column, message }]);
  for (const p of ok) {
    const earlier = byCode.get(p.data.code);
    if (earlier) fail(p.row, 'code', `Duplicate of row ${earlier.row}`);
    else byCode.set(p.data.code, p);
  }

  const fresh: Parsed[] = [];
  const rows: AgencyImportPreviewRow[] = [];
  const newRoots = ok.filter((p) => !p.data.parent_code && !stored.has(p.data.code));
  for (const p of ok) {
    if (byCode.get(p.data.code) !== p) continue;
    const { code, name, level, parent_code: parentCode } = p.data;
    const existing = stored.get(code);
    if (existing) {
      const same = existing.name === name && existing.level === level && existing.parentCode === (parentCode ?? null);
      if (!same) {
        fail(
          p.row,
          'code',
          `Agency ${code} already exists as "${existing.name}" (${existing.level}, parent ${existing.parentCode ?? 'none'}); the import never renames or moves agencies: change it in the admin pages or fix this row`,
        );
      }
      rows.push({ row: p.row, code, name, level, parentCode: parentCode ?? null, status: 'UNCHANGED' });
      continue;
    }
    if (parentCode === code) fail(p.row, 'parent_code', 'An agency cannot be its own parent');
    else if (parentCode && !byCode.has(parentCode) && !stored.has(parentCode))
      fail(p.row, 'parent_code', `Unknown parent code "${parentCode}": not in this file nor stored`);
    else if (parentCode && loopsBack(p, byCode, stored))
      fail(p.row, 'parent_code', 'The chain of parent codes loops, so this agency has no way to the root');
    if (!parentCode) {
      const storedRoot = roots[0];
      if (storedRoot)
        fail(
          p.row,
          'parent_code',
          `A root agency exists already (${storedRoot.code ?? storedRoot.name}): give this agency a parent_code`,
        );
      else if (newRoots.length > 1 && newRoots[0] !== p)
        fail(
          p.row,
          'parent_code',
          `Only one root agency (without parent_code) per installation; row ${newRoots[0]?.row} is the root`,
        );
    }
    fresh.push(p);
    rows.push({ row: p.row, code, name, level, parentCode: parentCode ?? null, status: 'NEW' });
  }
  for (const list of rowErrors.values()) errors.push(...list);
  errors.sort((a, b) => a.row - b.row);
  return { preview: { rows: rows.filter((r) => !rowErrors.has(r.row)), errors }, fresh, stored };
}

/** True when following parent codes through the file's new rows runs into a loop (so `start` could never be placed). */
function loopsBack(start: Parsed, byCode: Map<string, Parsed>, stored: Map<string, AgencyRef>): boolean {
  const seen = new Set<string>([start.data.code]);
  let code = start.data.parent_code;
  while (code && !stored.has(code)) {
    if (seen.has(code)) return true;
    seen.add(code);
    code = byCode.get(code)?.data.parent_code;
  }
  return false;
}
