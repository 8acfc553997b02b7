'use server';

import { READ_ROLES } from '@/lib/access';
import { createApiToken } from '@/lib/services/manage-api-tokens';
import { defineAction } from './define-action';

/** Creates an API token; the answer carries the secret, shown once by the form and never again. */
export const createApiTokenAction = defineAction({
  roles: READ_ROLES,
  run: ({ access, input, now }) => createApiToken({ access, input, now }),
  revalidate: ['/settings/tokens'],
});
