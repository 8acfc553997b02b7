'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { moveAgency } from '@/lib/services/edit-agency';
import { defineAction } from './define-action';

export const moveAgencyAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => moveAgency({ access, input }),
});
