'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { undoFindingReview } from '@/lib/services/undo-finding-review';
import { defineAction } from './define-action';

/** Takes back the caller's own review within the undo window (the queue's 撤销 button). */
export const undoFindingReviewAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input, now }) => undoFindingReview({ access, input, now }),
});
