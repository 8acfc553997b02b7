import type { FindingFilter } from '@/lib/schemas/finding';

export const findingKeys = {
  all: ['findings'] as const,
  list: (filter: FindingFilter) => [...findingKeys.all, 'list', filter] as const,
};

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (page: number) => [...inspectionKeys.all, 'list', { page }] as const,
};
