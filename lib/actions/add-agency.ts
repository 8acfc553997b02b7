'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { addAgency } from '@/lib/services/manage-agencies';
import { defineAction } from './define-action';

export const addAgencyAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => addAgency({ access, input }),
});
