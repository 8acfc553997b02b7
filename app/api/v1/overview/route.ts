// GET /api/v1/overview – the overview's figures for the caller's scope (docs/api.md, docs/figures.md).
import { READ_ROLES, scopeRoots } from '@/lib/access';
import { apiV1Route } from '@/lib/api/v1-route';
import { getOverview } from '@/lib/services/get-overview';

export const dynamic = 'force-dynamic';

export const GET = apiV1Route(READ_ROLES, ({ access, now }) =>
  getOverview({ now, scopeRoots: scopeRoots(access, READ_ROLES) }),
);
