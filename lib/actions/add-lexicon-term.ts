'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { addLexiconTerm } from '@/lib/services/manage-lexicons';
import { defineAction } from './define-action';

export const addLexiconTermAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => addLexiconTerm({ access, input }),
  revalidate: ['/admin/lexicons'],
});
