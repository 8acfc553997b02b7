'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { renameAgency } from '@/lib/services/edit-agency';
import { defineAction } from './define-action';

export const renameAgencyAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => renameAgency({ access, input }),
});
