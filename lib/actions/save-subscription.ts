'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { saveSubscription } from '@/lib/services/manage-subscriptions';
import { defineAction } from './define-action';

export const saveSubscriptionAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input }) => saveSubscription({ access, input }),
  revalidate: ['/settings/notifications'],
});
