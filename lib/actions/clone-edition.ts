'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { cloneEditionDraft } from '@/lib/services/clone-edition';
import { defineAction } from './define-action';

export const cloneEditionAction = defineAction({
  roles: ADMIN_ROLES,
  run: async ({ access, input }) => ({ id: (await cloneEditionDraft({ access, input })).id }),
  revalidate: ['/admin/editions'],
});
