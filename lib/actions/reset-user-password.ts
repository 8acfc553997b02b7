'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { resetUserPassword } from '@/lib/services/reset-user-password';
import { defineAction } from './define-action';

export const resetUserPasswordAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => resetUserPassword({ access, input }),
});
