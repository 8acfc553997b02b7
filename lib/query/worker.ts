import { queryOptions } from '@tanstack/react-query';
import { workerStatusSchema } from '@/lib/schemas/worker-status';
import { apiGet } from './api';

/** The banner asks every 30 s: a worker beats every 60 s and counts as gone after 180 s. */
export const WORKER_POLL_MS = 30_000;

export const workerKeys = { status: ['worker', 'status'] as const };

export const workerQueries = {
  status: () =>
    queryOptions({
      queryKey: workerKeys.status,
      queryFn: () => apiGet('/api/worker-status', workerStatusSchema),
      refetchInterval: WORKER_POLL_MS,
      staleTime: 0,
    }),
};
