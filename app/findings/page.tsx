import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { hasRole, READ_ROLES, REVIEW_ROLES } from '@/lib/access';
import { requirePageAccess } from '@/lib/auth/session';
import { makeQueryClient } from '@/lib/query/client';
import { findingsSearchParams } from '@/lib/query/findings';
import { findingKeys } from '@/lib/query/keys';
import { findingFilterSchema } from '@/lib/schemas/finding';
import { DEDUCTION_CODES, VETO_CODES } from '@/lib/scoring';
import { listSharedFindings } from '@/lib/services/list-findings';
import { listSharedReadAgencyPicker } from '@/lib/services/list-read-agency-picker';
import { AGENCY_OPTIONS_URL } from '@/lib/query/agency-options';
import { FindingsView } from './view';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FindingsPage({ searchParams }: Props) {
  const access = await requirePageAccess(READ_ROLES);
  const params = await searchParams;
  const parsed = findingFilterSchema.safeParse(params);
  // Only a cursor can fail (the filters fall back to defaults): an edited link restarts at page 1.
  if (!parsed.success)
    redirect(
      `/findings?${findingsSearchParams(findingFilterSchema.parse({ ...params, after: undefined, before: undefined, page: undefined }))}`,
    );
  const filter = parsed.data;
  const client = makeQueryClient();
  // Same key as the client's queryOptions, filled by the service instead of the HTTP route.
  // A province's whole tree is hundreds of kB on every request: a big scope sends its top and loads the rest on demand.
  const [picker] = await Promise.all([
    listSharedReadAgencyPicker({ access, chosenId: filter.agencyId }),
    client.prefetchQuery({ queryKey: findingKeys.list(filter), queryFn: () => listSharedFindings({ access, filter }) }),
  ]);
  const t = await getTranslations('findings');
  return (
    <>
      <h1>{t('title')}</h1>
      <HydrationBoundary state={dehydrate(client)}>
        <FindingsView
          initialFilter={filter}
          canReview={hasRole(access, REVIEW_ROLES)}
          agencies={picker.agencies}
          agencySource={picker.lazy ? AGENCY_OPTIONS_URL : undefined}
          indicators={[...VETO_CODES, ...DEDUCTION_CODES]}
        />
      </HydrationBoundary>
    </>
  );
}
