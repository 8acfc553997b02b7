'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { updateEditionDraft } from '@/lib/services/update-edition-draft';
import { defineAction } from './define-action';

export const updateEditionDraftAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => updateEditionDraft({ access, input }),
  revalidate: (data) => [`/admin/editions/${data.id}`, ...(data.newVersion ? ['/admin/editions'] : [])],
});
