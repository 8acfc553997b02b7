'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { awardBonus } from '@/lib/services/award-bonus';
import { defineAction } from './define-action';

export const awardBonusAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input, now }) => awardBonus({ access, input, now }),
  revalidate: (data) => [`/accounts/${data.accountId}`],
});
