'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { removeSubscription } from '@/lib/services/manage-subscriptions';
import { defineAction } from './define-action';

export const deleteSubscriptionAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input }) => removeSubscription({ access, input }),
  revalidate: ['/settings/notifications'],
});
