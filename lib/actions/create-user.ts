'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { createUserInScope } from '@/lib/services/create-user';
import { defineAction } from './define-action';

export const createUserAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => createUserInScope({ access, input }),
});
