'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { credentialFormInput } from '@/lib/schemas/credential';
import { replaceCredential } from '@/lib/services/manage-credentials';
import { defineAction } from './define-action';

export const replaceCredentialAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => replaceCredential({ access, input: credentialFormInput(input) }),
});
