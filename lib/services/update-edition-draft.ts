import { z } from 'zod';
import type { Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db, PrismaClient } from '@/lib/db/types';
import { editionCodeExists, findEditionById, insertDraftEdition, updateDraftCatalogue } from '@/lib/data/editions';
import { AppError, notFound } from '@/lib/errors';
import {
  editionFields,
  readEdition,
  toStoredCatalogue,
  withBonusItems,
  withEditionFields,
  type Edition,
} from '@/lib/scoring';
import { updateEditionDraftInputSchema } from '@/lib/schemas/edition-admin';
import { assertEditionAdmin, assertEditionOwnerAdmin } from './edition-admin-access';
import { recordAudit } from './record-audit';

/**
 * Field path → message codes the form translates (`too_big:100`, `too_small:1`, `not_integer`, `unknown_field`),
 * keyed by the dotted path the form uses, so each input shows its own error.
 */
function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const code =
      issue.code === 'too_big'
        ? `too_big:${String(issue.maximum)}`
        : issue.code === 'too_small'
          ? `too_small:${String(issue.minimum)}`
          : issue.code === 'invalid_type' && issue.expected === 'int'
            ? 'not_integer'
            : issue.code === 'custom'
              ? 'unknown_field'
              : issue.message;
    (out[issue.path.join('.') || 'values'] ??= []).push(code);
  }
  return out;
}

/** `strict-2027` → `strict-2027-v2`, `strict-2027-v2` → `strict-2027-v3` …, the first code not taken. */
async function nextVersionCode(db: Db, code: string): Promise<string> {
  const stem = code.replace(/-v\d+$/, '').slice(0, 54);
  const start = Number(/-v(\d+)$/.exec(code)?.[1] ?? 1) + 1;
  for (let n = start; ; n += 1) if (!(await editionCodeExists(db, `${stem}-v${n}`))) return `${stem}-v${n}`;
}

const changedValues = (from: Edition, to: Edition) => {
  const old = new Map(editionFields(from).map((f) => [f.path, f.value]));
  const after: Record<string, unknown> = Object.fromEntries(
    editionFields(to)
      .filter((f) => old.get(f.path) !== f.value)
      .map((f) => [f.path, f.value]),
  );
  const before: Record<string, unknown> = Object.fromEntries(Object.keys(after).map((path) => [path, old.get(path)]));
  if (JSON.stringify(from.bonus.items) !== JSON.stringify(to.bonus.items)) {
    before['bonus.items'] = from.bonus.items;
    after['bonus.items'] = to.bonus.items;
  }
  return { before, after };
};

/** Two admins revising one published edition at once both pick the same next code; the loser gets a conflict. */
const isCodeTaken = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2002';

/**
 * Changes thresholds, points, windows and switches of a DRAFT edition. A published edition never changes: the
 * edit is saved as a new draft version derived from it (`<code>-v2` …), which the caller then reviews and publishes.
 * Only admins of the edition's owner agency or an ancestor change it; the new version keeps the owner.
 */
export async function updateEditionDraft({
  access,
  input,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  db?: PrismaClient;
}) {
  assertEditionAdmin(access);
  const data = updateEditionDraftInputSchema.parse(input);
  const current = await findEditionById(db, data.id);
  if (!current) throw notFound('edition');
  await assertEditionOwnerAdmin(db, access, current);
  const isDraft = current.status === 'DRAFT';
  const code = isDraft ? current.code : await nextVersionCode(db, current.code);
  const before = readEdition(current.catalogue);
  let next: Edition;
  try {
    next = withEditionFields(before, data.values, { code, name: data.name });
    if (data.bonusItems) next = withBonusItems(next, data.bonusItems);
  } catch (error) {
    if (error instanceof z.ZodError)
      throw new AppError('VALIDATION', 'editionInvalid', { details: fieldErrors(error) });
    throw error;
  }
  const diff = changedValues(before, next);
  const changed = Object.keys(diff.after).length;
  if (!isDraft && changed === 0 && data.name === current.name)
    throw new AppError('VALIDATION', 'editionNoChanges', { details: { values: ['no_changes'] } });
  return db.$transaction(async (tx) => {
    const audit = {
      actorId: access.userId,
      entityType: 'indicator_edition',
      before: { name: current.name, ...diff.before },
      after: { name: data.name, ...diff.after },
    };
    if (isDraft) {
      if (!(await updateDraftCatalogue(tx, current.id, { name: data.name, catalogue: toStoredCatalogue(next) })))
        throw new AppError('CONFLICT', 'editionPublishedMeanwhile');
      await recordAudit(tx, { ...audit, action: 'edition.update', entityId: current.id });
      return { id: current.id, changed, newVersion: null };
    }
    const created = await insertDraftEdition(tx, {
      code,
      name: data.name,
      basedOnId: current.id,
      catalogue: toStoredCatalogue(next),
      createdById: access.userId,
      ownerAgencyId: current.ownerAgencyId,
    }).catch((error: unknown) => {
      throw isCodeTaken(error) ? new AppError('CONFLICT', 'editionCreatedMeanwhile', { params: { code } }) : error;
    });
    await recordAudit(tx, {
      ...audit,
      action: 'edition.revise',
      entityId: created.id,
      before: { ...audit.before, code: current.code },
      after: { ...audit.after, code },
    });
    return { id: created.id, changed, newVersion: code };
  });
}
