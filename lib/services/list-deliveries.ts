import { ADMIN_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { listDeliveryLog } from '@/lib/data/deliveries';
import { deliveryLogFilterSchema, type DeliveryLogDto } from '@/lib/schemas/notification';
import { requireNotificationRole } from './manage-notification-channels';

export const DELIVERY_PAGE_SIZE = 30;

/** The delivery log: messages on the caller's channels, and for administrators those of subscriptions in their subtree. */
export async function listDeliveries({
  access,
  params,
  db = getDb(),
}: {
  access: Access;
  params: unknown;
  db?: Db;
}): Promise<{ items: DeliveryLogDto[]; total: number; page: number; pageSize: number; status: string }> {
  requireNotificationRole(access);
  const filter = deliveryLogFilterSchema.parse(params ?? {});
  const { items, total } = await listDeliveryLog(
    db,
    { userId: access.userId, adminRoots: scopeRoots(access, ADMIN_ROLES) },
    filter,
    DELIVERY_PAGE_SIZE,
  );
  return { items, total, page: filter.page, pageSize: DELIVERY_PAGE_SIZE, status: filter.status };
}
