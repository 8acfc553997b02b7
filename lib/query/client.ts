import { QueryCache, QueryClient } from '@tanstack/react-query';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 60_000, retry: 1 } },
    queryCache: new QueryCache({
      onError: (error, query) => console.error('query failed', { key: query.queryKey, message: error.message }),
    }),
  });
}
