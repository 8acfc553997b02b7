import { READ_ROLES, scopeRoots, type Access } from '@/lib/access';
import { getDb } from '@/lib/db/client';
import type { PrismaClient } from '@/lib/db/types';
import { listAgencyOptions } from '@/lib/data/agency-tree';
import { listManageableSubscriptions, listSubscribableUsers } from './manage-subscriptions';
import { listMyChannels } from './manage-notification-channels';

/**
 * What the notification settings page shows: the caller's channels, the subscriptions they manage, the form's options
 * (agencies with their parent, for the tree picker).
 */
export async function getNotificationSettings({ access, db = getDb() }: { access: Access; db?: PrismaClient }) {
  const [channels, subscriptions, agencies, users] = await Promise.all([
    listMyChannels({ access, db }),
    listManageableSubscriptions({ access, db }),
    listAgencyOptions(db, scopeRoots(access, READ_ROLES)),
    listSubscribableUsers({ access, db }),
  ]);
  return {
    channels,
    subscriptions,
    agencies: agencies.map((a) => ({ id: a.id, name: a.name, parentId: a.parentId })),
    users,
  };
}
