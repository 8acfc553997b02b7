import { queryOptions } from '@tanstack/react-query';
import { findingsPageSchema, type FindingFilter } from '@/lib/schemas/finding';
import { apiGet } from './api';
import { findingKeys } from './keys';

export function findingsSearchParams(filter: FindingFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.status !== 'SUSPECTED') params.set('status', filter.status);
  if (filter.indicator) params.set('indicator', filter.indicator);
  if (filter.inspectionId) params.set('inspectionId', filter.inspectionId);
  if (filter.agencyId) params.set('agencyId', filter.agencyId);
  if (filter.accountId) params.set('accountId', filter.accountId);
  if (filter.platform) params.set('platform', filter.platform);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.after) params.set('after', filter.after);
  if (filter.before) params.set('before', filter.before);
  // With a cursor the page number is its label; alone it is read by offset (a typed or shared link).
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

export const findingQueries = {
  list: (filter: FindingFilter) =>
    queryOptions({
      queryKey: findingKeys.list(filter),
      queryFn: () => apiGet(`/api/findings?${findingsSearchParams(filter)}`, findingsPageSchema),
    }),
};
