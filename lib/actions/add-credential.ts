'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { credentialFormInput } from '@/lib/schemas/credential';
import { addCredential } from '@/lib/services/manage-credentials';
import { defineAction } from './define-action';

export const addCredentialAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => addCredential({ access, input: credentialFormInput(input) }),
});
