'use server';

import { markNoticeIssued, NOTICE_ROLES } from '@/lib/services/mark-notice-issued';
import { defineAction } from './define-action';

export const markNoticeIssuedAction = defineAction({
  roles: NOTICE_ROLES,
  run: async ({ access, input, now }) => ({ id: (await markNoticeIssued({ access, input, now })).id }),
  revalidate: ['/assessment'],
});
