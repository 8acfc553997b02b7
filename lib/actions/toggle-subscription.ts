'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { toggleSubscription } from '@/lib/services/manage-subscriptions';
import { defineAction } from './define-action';

export const toggleSubscriptionAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input }) => toggleSubscription({ access, input }),
  revalidate: ['/settings/notifications'],
});
