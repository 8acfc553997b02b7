'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { removeCredential } from '@/lib/services/manage-credentials';
import { defineAction } from './define-action';

export const deleteCredentialAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => removeCredential({ access, input }),
});
