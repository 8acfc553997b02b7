'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { createInspection } from '@/lib/services/create-inspection';
import { defineAction } from './define-action';

export const createInspectionAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input }) => createInspection({ access, input }),
  revalidate: ['/inspections'],
});
