'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { userActiveFormSchema } from '@/lib/schemas/user-admin';
import { setUserActive } from '@/lib/services/set-user-active';
import { defineAction } from './define-action';

export const setUserActiveAction = defineAction({
  roles: ADMIN_ROLES,
  run: async ({ access, input }) => ({
    changed: (await setUserActive({ access, input: userActiveFormSchema.parse(input) })).changed,
  }),
  revalidate: ['/admin/users'],
});
