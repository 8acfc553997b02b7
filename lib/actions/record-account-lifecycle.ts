'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { recordAccountLifecycle } from '@/lib/services/record-account-lifecycle';
import { defineAction } from './define-action';

export const recordAccountLifecycleAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input, now }) => recordAccountLifecycle({ access, input, now }),
});
