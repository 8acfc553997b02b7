'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { attachCredential } from '@/lib/services/manage-credentials';
import { defineAction } from './define-action';

export const attachCredentialAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => attachCredential({ access, input }),
});
