'use server';

import { ADMIN_ROLES } from '@/lib/access';
import { toggleLexiconTerm } from '@/lib/services/manage-lexicons';
import { defineAction } from './define-action';

export const toggleLexiconTermAction = defineAction({
  roles: ADMIN_ROLES,
  run: ({ access, input }) => toggleLexiconTerm({ access, input }),
  revalidate: ['/admin/lexicons'],
});
