'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { dashboardBaseUrl } from '@/lib/delivery/base-url';
import { sendTestMessage } from '@/lib/services/send-test-message';
import { defineAction } from './define-action';

/** Queues the test message; the worker sends it within a minute and the delivery log shows the answer. */
export const sendTestMessageAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input, now }) => sendTestMessage({ access, input, now, baseUrl: dashboardBaseUrl() }),
  revalidate: ['/settings/notifications/deliveries'],
});
