'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { publishEdition } from '@/lib/services/publish-edition';
import { defineAction } from './define-action';

export const publishEditionAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input, now }) => publishEdition({ access, input, now }),
  revalidate: ['/admin/editions', '/inspections'],
});
