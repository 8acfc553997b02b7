'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { createRepostTask } from '@/lib/services/create-repost-task';
import { defineAction } from './define-action';

export const createRepostTaskAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input }) => createRepostTask({ access, input }),
  revalidate: ['/repost-tasks'],
});
