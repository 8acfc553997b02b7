'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { acknowledgeAlerts } from '@/lib/services/acknowledge-alerts';
import { defineAction } from './define-action';

export const acknowledgeAlertsAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input, now }) => acknowledgeAlerts({ access, input, now }),
  revalidate: ['/alerts'],
});
