import type { Prisma } from '@/lib/db/generated/client';
import type { Db, PrismaClient } from '@/lib/db/types';
import type { AlertForMessage } from '@/lib/delivery/alert-text';
import { alertDetailsSchema, type AlertKind } from '@/lib/schemas/alert';
import type { DeliveryKind, DeliveryLogDto, DeliveryLogFilter, DeliveryStatus } from '@/lib/schemas/notification';
import { agencyInSubtrees } from './overview';

// Deliveries: planned messages, their tries, and which alerts each subscription has been sent.

export type NewDelivery = {
  channelId: string;
  subscriptionId: string | null;
  kind: DeliveryKind;
  dedupeKey: string;
  title: string;
  message: Prisma.InputJsonValue;
  notBefore: Date;
  alertIds: string[];
  requestedById: string | null;
};

/** Alerts in the subscription's subtree and kinds, raised in [from, until), that it has not been sent yet. */
export async function listUnsentAlerts(
  db: Db,
  sub: { id: string; agencyId: string; kinds: AlertKind[] },
  window: { from: Date; until: Date },
): Promise<AlertForMessage[]> {
  if (sub.kinds.length === 0) return [];
  const rows = await db.alert.findMany({
    where: {
      kind: { in: sub.kinds },
      createdAt: { gte: window.from, lt: window.until },
      account: { agency: agencyInSubtrees([sub.agencyId]) },
      deliveries: { none: { subscriptionId: sub.id } },
    },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
    select: {
      id: true,
      kind: true,
      details: true,
      createdAt: true,
      account: { select: { id: true, displayName: true, platformCode: true, agency: { select: { name: true } } } },
    },
  });
  return rows.map((r) => {
    const details = alertDetailsSchema.safeParse({ ...(r.details as object), kind: r.kind });
    return {
      id: r.id,
      kind: r.kind,
      accountId: r.account.id,
      accountName: r.account.displayName,
      platformCode: r.account.platformCode,
      agencyName: r.account.agency.name,
      createdAt: r.createdAt,
      details: details.success ? details.data : null,
    };
  });
}

/** Inserts a delivery and marks its alerts as sent to the subscription; a dedupe key already present inserts nothing. */
export async function createDelivery(db: PrismaClient, d: NewDelivery): Promise<string | null> {
  return db.$transaction(async (tx) => {
    if (await tx.delivery.findUnique({ where: { dedupeKey: d.dedupeKey }, select: { id: true } })) return null;
    const { id } = await tx.delivery.create({
      data: {
        channelId: d.channelId,
        subscriptionId: d.subscriptionId,
        kind: d.kind,
        dedupeKey: d.dedupeKey,
        title: d.title,
        message: d.message,
        notBefore: d.notBefore,
        requestedById: d.requestedById,
      },
      select: { id: true },
    });
    if (d.subscriptionId && d.alertIds.length) {
      await tx.deliveryAlert.createMany({
        data: d.alertIds.map((alertId) => ({ subscriptionId: d.subscriptionId!, alertId, deliveryId: id })),
        skipDuplicates: true,
      });
    }
    return id;
  });
}

/** PENDING deliveries whose time has come, oldest first. */
export async function listDueDeliveries(db: Db, now: Date, limit: number): Promise<string[]> {
  const rows = await db.delivery.findMany({
    where: { status: 'PENDING', notBefore: { lte: now } },
    orderBy: [{ notBefore: 'asc' }, { id: 'asc' }],
    take: limit,
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export async function markDeliveriesQueued(db: Db, ids: string[], now: Date): Promise<void> {
  if (ids.length)
    await db.delivery.updateMany({
      where: { id: { in: ids }, status: 'PENDING' },
      data: { status: 'QUEUED', queuedAt: now },
    });
}

export async function findDeliveryToSend(db: Db, id: string) {
  return db.delivery.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      title: true,
      message: true,
      attempts: true,
      channel: {
        select: { id: true, kind: true, label: true, keyId: true, ciphertext: true, iv: true, authTag: true },
      },
    },
  });
}

export type SlotReservation = { attemptId: string; attempt: number } | { waitMs: number };

/**
 * Takes one of the channel's `perMinute` sending slots: under a per-channel advisory lock, counts the tries started
 * in the last minute and, if one is free, records a new try (so concurrent workers never exceed the limit).
 */
export async function reserveSendingSlot(
  db: PrismaClient,
  { deliveryId, channelId, now, perMinute }: { deliveryId: string; channelId: string; now: Date; perMinute: number },
): Promise<SlotReservation> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`delivery-channel:${channelId}`}, 0))`;
    const since = new Date(now.getTime() - 60_000);
    const recent = await tx.deliveryAttempt.findMany({
      where: { channelId, startedAt: { gt: since } },
      orderBy: { startedAt: 'asc' },
      select: { startedAt: true },
    });
    if (recent.length >= perMinute)
      return { waitMs: Math.max(recent[recent.length - perMinute].startedAt.getTime() + 60_000 - now.getTime(), 1) };
    const delivery = await tx.delivery.update({
      where: { id: deliveryId },
      data: { attempts: { increment: 1 } },
      select: { attempts: true },
    });
    const { id } = await tx.deliveryAttempt.create({
      data: { deliveryId, channelId, attempt: delivery.attempts, startedAt: now },
      select: { id: true },
    });
    return { attemptId: id, attempt: delivery.attempts };
  });
}

export type AttemptResult = { ok: boolean; statusCode: number | null; latencyMs: number; error: string | null };

/** Records how a try ended and the delivery's new status (SENT, RETRYING or DEAD). */
export async function finishAttempt(
  db: PrismaClient,
  {
    deliveryId,
    attemptId,
    result,
    status,
    now,
  }: { deliveryId: string; attemptId: string; result: AttemptResult; status: DeliveryStatus; now: Date },
) {
  await db.$transaction([
    db.deliveryAttempt.update({
      where: { id: attemptId },
      data: { ok: result.ok, statusCode: result.statusCode, latencyMs: result.latencyMs, error: result.error },
    }),
    db.delivery.update({
      where: { id: deliveryId },
      data: {
        status,
        lastStatusCode: result.statusCode,
        lastLatencyMs: result.latencyMs,
        lastError: result.error,
        ...(status === 'SENT' || status === 'DEAD' ? { finishedAt: now } : {}),
      },
    }),
  ]);
}

/** A delivery that cannot be tried at all (channel unreadable): DEAD with the reason, no try recorded. */
export async function markDeliveryDead(db: Db, id: string, error: string, now: Date): Promise<void> {
  await db.delivery.update({ where: { id }, data: { status: 'DEAD', lastError: error, finishedAt: now } });
}

/** Deliveries on channels owned by `userId`, or (administrators) of subscriptions on agencies in `adminRoots`. */
export async function listDeliveryLog(
  db: Db,
  scope: { userId: string; adminRoots: string[] },
  filter: DeliveryLogFilter,
  pageSize: number,
): Promise<{ items: DeliveryLogDto[]; total: number }> {
  const where: Prisma.DeliveryWhereInput = {
    OR: [
      { channel: { ownerId: scope.userId } },
      ...(scope.adminRoots.length ? [{ subscription: { agency: agencyInSubtrees(scope.adminRoots) } }] : []),
    ],
    ...(filter.status === 'ALL' ? {} : { status: filter.status }),
  };
  const [rows, total] = await Promise.all([
    db.delivery.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        kind: true,
        status: true,
        title: true,
        attempts: true,
        lastStatusCode: true,
        lastLatencyMs: true,
        lastError: true,
        createdAt: true,
        finishedAt: true,
        channel: { select: { label: true, kind: true } },
        attemptLog: {
          orderBy: { attempt: 'asc' },
          select: { attempt: true, startedAt: true, ok: true, statusCode: true, latencyMs: true, error: true },
        },
      },
    }),
    db.delivery.count({ where }),
  ]);
  return {
    total,
    items: rows.map(({ channel, attemptLog, ...r }) => ({
      ...r,
      channelLabel: channel.label,
      channelKind: channel.kind,
      createdAt: r.createdAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      tries: attemptLog.map((a) => ({ ...a, startedAt: a.startedAt.toISOString() })),
    })),
  };
}

/**
 * Deletes up to `limit` finished deliveries (SENT or DEAD) that finished before `before` — a row without
 * `finished_at` counts from its creation — with their tries and sent-alert marks (ON DELETE CASCADE). PENDING, QUEUED
 * and RETRYING rows are never touched, whatever their age. Returns how many deliveries went.
 */
export async function deleteFinishedDeliveries(db: Db, before: Date, limit: number): Promise<number> {
  return db.$executeRaw`
    DELETE FROM delivery WHERE id IN (
      SELECT id FROM delivery
      WHERE status IN ('SENT', 'DEAD') AND COALESCE(finished_at, created_at) < ${before}
      LIMIT ${limit})`;
}
