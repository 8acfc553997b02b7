'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { reviewFindings } from '@/lib/services/review-findings';
import { defineAction } from './define-action';

export const reviewFindingsAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input, now }) => reviewFindings({ access, input, now }),
});
