'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { registerAccount } from '@/lib/services/admin-accounts';
import { defineAction } from './define-action';

export const registerAccountAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input, now }) => registerAccount({ access, input, now }),
});
