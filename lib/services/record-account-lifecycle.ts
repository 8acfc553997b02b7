import { ADMIN_ROLES, canAccessAgency, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import {
  findLifecycleAccount,
  isHandleTaken,
  listLifecycleEvents,
  lockLifecycleAccount,
  writeLifecycleEvent,
  type LifecycleAccountDto,
  type LifecycleWrite,
} from '@/lib/data/account-lifecycle';
import { AppError, notFound } from '@/lib/errors';
import { accountLifecycleInputSchema, LIFECYCLE_CHANGE_FIELDS } from '@/lib/schemas/account-lifecycle';
import { beijingDayStart, beijingToday, shanghaiDay } from '@/lib/time';
import { z } from 'zod';
import { recordAudit } from './record-audit';

type Input = z.output<typeof accountLifecycleInputSchema>;
const AUDIT_ACTION = { CHANGE: 'account.change', CLOSE: 'account.close', REOPEN: 'account.reopen' } as const;

async function accountInScope(db: PrismaClient, access: Access, accountId: string): Promise<LifecycleAccountDto> {
  const account = await findLifecycleAccount(db, accountId);
  if (!account || !canAccessAgency(access, ADMIN_ROLES, account.agency)) throw notFound('account');
  return account;
}

export async function getAccountLifecycle({
  access,
  accountId,
  db = getDb(),
}: {
  access: Access;
  accountId: string;
  db?: PrismaClient;
}) {
  const account = await accountInScope(db, access, accountId);
  return { account, events: await listLifecycleEvents(db, account.id) };
}

/**
 * A change names each field as {from, to} under the keys scoring reads, so a filed rename is not a hijack (V1.4).
 * A close sets closedAt: the account is crawled no more and inspections at or after that date skip it.
 */
function planWrite(input: Input, account: LifecycleAccountDto, actorId: string, now: Date): LifecycleWrite {
  // Compared as Beijing days: a day typed in the form starts at 00:00 Beijing (16:00 UTC the day before).
  const today = beijingToday(now);
  if (shanghaiDay(input.effectiveAt) > today)
    throw new AppError('VALIDATION', 'effectiveAtFuture', {
      params: { today: beijingDayStart(today) },
      field: 'effectiveAt',
    });
  const event = { effectiveAt: input.effectiveAt, filingNumber: input.filingNumber, note: input.note, actorId };
  const filed = { filingNumber: account.filingNumber ?? input.filingNumber, filingStatus: 'FILED' as const };
  if (input.event === 'CLOSE') {
    if (account.lifecycle === 'CLOSED') throw new AppError('CONFLICT', 'accountAlreadyClosed');
    return {
      accountId: account.id,
      account: { lifecycle: 'CLOSED', closedAt: input.effectiveAt },
      event: { ...event, lifecycle: 'CLOSED', changes: {} },
    };
  }
  if (input.event === 'REOPEN') {
    if (account.lifecycle !== 'CLOSED') throw new AppError('CONFLICT', 'reopenOnlyClosed');
    if (account.closedAt && input.effectiveAt < account.closedAt)
      throw new AppError('VALIDATION', 'reopenBeforeClose', {
        params: { closedOn: account.closedAt },
        field: 'effectiveAt',
      });
    return {
      accountId: account.id,
      account: { ...filed, lifecycle: 'OPEN', closedAt: null },
      event: { ...event, lifecycle: 'OPEN', changes: {} },
    };
  }
  if (account.lifecycle === 'CLOSED') throw new AppError('CONFLICT', 'closedAccountUnchangeable');
  const changes: Record<string, { from: string | null; to: string }> = {};
  for (const field of LIFECYCLE_CHANGE_FIELDS) {
    const to = input[field];
    if (to !== undefined && to !== account[field]) changes[field] = { from: account[field], to };
  }
  if (Object.keys(changes).length === 0)
    throw new AppError('VALIDATION', 'lifecycleNothingChanges', { field: 'displayName' });
  const values = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.to]));
  return {
    accountId: account.id,
    account: { ...filed, ...values, lifecycle: 'CHANGED', changedAt: input.effectiveAt },
    event: { ...event, lifecycle: 'CHANGED', changes },
  };
}

/** Records a filed change, close or reopen of an account in the administrator's scope, with its audit row. */
export async function recordAccountLifecycle({
  access,
  input,
  now,
  db = getDb(),
}: {
  access: Access;
  input: unknown;
  now: Date;
  db?: PrismaClient;
}) {
  const data = accountLifecycleInputSchema.parse(input);
  await accountInScope(db, access, data.accountId);
  return db.$transaction(async (tx) => {
    const account = await lockLifecycleAccount(tx, data.accountId);
    if (!account) throw notFound('account');
    const write = planWrite(data, account, access.userId, now);
    if (
      data.event === 'CHANGE' &&
      data.handle &&
      data.handle !== account.handle &&
      (await isHandleTaken(tx, account.platformCode, data.handle, account.id))
    ) {
      throw new AppError('CONFLICT', 'handleTaken', { field: 'handle' });
    }
    const row = await writeLifecycleEvent(tx, write);
    await recordAudit(tx, {
      actorId: access.userId,
      action: AUDIT_ACTION[data.event],
      entityType: 'account',
      entityId: account.id,
      before: {
        lifecycle: account.lifecycle,
        displayName: account.displayName,
        handle: account.handle,
        url: account.url,
        filingNumber: account.filingNumber,
        closedAt: account.closedAt,
      },
      after: { eventId: row.id, ...write.event, account: write.account },
    });
    return { eventId: row.id };
  });
}
