'use server';

import { REVIEW_ROLES } from '@/lib/access';
import { revokeBonus } from '@/lib/services/revoke-bonus';
import { defineAction } from './define-action';

export const revokeBonusAction = defineAction({
  roles: REVIEW_ROLES,
  run: ({ access, input, now }) => revokeBonus({ access, input, now }),
});
