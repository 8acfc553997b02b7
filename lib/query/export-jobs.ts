import { queryOptions } from '@tanstack/react-query';
import { exportJobListSchema, type ExportJobList } from '@/lib/schemas/export-job';
import { apiGet } from './api';

/** How often the exports page asks while one of the user's exports is queued or being generated. */
export const EXPORT_JOB_POLL_MS = 2_000;

export const exportJobKeys = { all: ['export-jobs'] as const, list: () => [...exportJobKeys.all, 'list'] as const };

export const isExportJobActive = (status: string): boolean => status === 'QUEUED' || status === 'RUNNING';

export const exportJobQueries = {
  list: () =>
    queryOptions({
      queryKey: exportJobKeys.list(),
      queryFn: () => apiGet('/api/export-jobs', exportJobListSchema),
      refetchInterval: (query) => {
        const data: ExportJobList | undefined = query.state.data;
        return data?.items.some((j) => isExportJobActive(j.status)) ? EXPORT_JOB_POLL_MS : false;
      },
      staleTime: 0,
    }),
};
