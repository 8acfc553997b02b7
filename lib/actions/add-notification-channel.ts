'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { channelFormInput } from '@/lib/schemas/notification';
import { addChannel } from '@/lib/services/manage-notification-channels';
import { defineAction } from './define-action';

export const addNotificationChannelAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input }) => addChannel({ access, input: channelFormInput(input as Record<string, unknown>) }),
  revalidate: ['/settings/notifications'],
});
