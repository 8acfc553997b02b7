// GET /api/v1/accounts/{id}/scores – an account's scores per finished inspection (the account page's figures).
import { z } from 'zod';
import { READ_ROLES } from '@/lib/access';
import { apiV1Route } from '@/lib/api/v1-route';
import { notFound } from '@/lib/errors';
import { getAccountScores } from '@/lib/services/get-account-scores';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

export const GET = apiV1Route<{ id: string }>(READ_ROLES, ({ access, params }) => {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound('account');
  return getAccountScores({ access, accountId: parsed.data.id });
});
