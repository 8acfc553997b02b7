'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { changeUserGrants } from '@/lib/services/change-user-grants';
import { defineAction } from './define-action';

export const changeUserGrantAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => changeUserGrants({ access, input }),
  revalidate: ['/admin/users'],
});
