'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { removeChannel } from '@/lib/services/manage-notification-channels';
import { defineAction } from './define-action';

export const deleteNotificationChannelAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input }) => removeChannel({ access, input }),
  revalidate: ['/settings/notifications'],
});
