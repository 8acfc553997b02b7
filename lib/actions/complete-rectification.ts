'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { completeRectification } from '@/lib/services/complete-rectification';
import { defineAction } from './define-action';

export const completeRectificationAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input, now }) => completeRectification({ access, input, now }),
  revalidate: ['/rectifications'],
});
