import { queryOptions } from '@tanstack/react-query';
import { agencyOptionsResponseSchema } from '@/lib/schemas/agency-option';
import { apiGet } from './api';
import { agencyOptionKeys } from './keys';

/** The lazy agency picker's route (app/api/agencies/options/route.ts). */
export const AGENCY_OPTIONS_URL = '/api/agencies/options';

export const agencyOptionQueries = {
  children: (source: string, parentId: string) =>
    queryOptions({
      queryKey: agencyOptionKeys.children(source, parentId),
      queryFn: () => apiGet(`${source}?${new URLSearchParams({ parentId })}`, agencyOptionsResponseSchema),
    }),
  search: (source: string, q: string) =>
    queryOptions({
      queryKey: agencyOptionKeys.search(source, q),
      queryFn: () => apiGet(`${source}?${new URLSearchParams({ q })}`, agencyOptionsResponseSchema),
    }),
};
