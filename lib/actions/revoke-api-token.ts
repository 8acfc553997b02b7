'use server';

import { READ_ROLES } from '@/lib/access';
import { revokeApiToken } from '@/lib/services/manage-api-tokens';
import { defineAction } from './define-action';

export const revokeApiTokenAction = defineAction({
  roles: READ_ROLES,
  run: ({ access, input, now }) => revokeApiToken({ access, input, now }),
  revalidate: ['/settings/tokens'],
});
