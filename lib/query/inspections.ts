import { queryOptions } from '@tanstack/react-query';
import { inspectionsPageSchema, type InspectionsPage } from '@/lib/schemas/inspection';
import { apiGet } from './api';
import { inspectionKeys } from './keys';

/** How often a page with a queued or scoring inspection asks again. */
export const INSPECTION_POLL_MS = 3_000;

export const isInspectionSettled = (status: string): boolean => status === 'DONE' || status === 'FAILED';

export const inspectionQueries = {
  list: (page: number) =>
    queryOptions({
      queryKey: inspectionKeys.list(page),
      queryFn: () => apiGet(`/api/inspections?page=${page}`, inspectionsPageSchema),
      // Polls only while something on the page is still queued or running; a settled page stays quiet.
      refetchInterval: (query) => {
        const data: InspectionsPage | undefined = query.state.data;
        return data?.items.some((i) => !isInspectionSettled(i.status)) ? INSPECTION_POLL_MS : false;
      },
      staleTime: 0,
    }),
};
