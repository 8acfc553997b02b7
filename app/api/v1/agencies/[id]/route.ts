// GET /api/v1/agencies/{id} – an agency's scorecard within the caller's scope (the same service as the agency page).
import { z } from 'zod';
import { READ_ROLES } from '@/lib/access';
import { apiV1Route } from '@/lib/api/v1-route';
import { notFound } from '@/lib/errors';
import { getAgencyScorecard } from '@/lib/services/get-agency-scorecard';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.uuid() });

export const GET = apiV1Route<{ id: string }>(READ_ROLES, ({ access, params, now }) => {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw notFound('agency');
  return getAgencyScorecard({ access, agencyId: parsed.data.id, now });
});
