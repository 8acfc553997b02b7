import type { FindingFilter } from '@/lib/schemas/finding';

export const findingKeys = {
  all: ['findings'] as const,
  list: (filter: FindingFilter) => [...findingKeys.all, 'list', filter] as const,
};

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (page: number) => [...inspectionKeys.all, 'list', { page }] as const,
};

export const agencyOptionKeys = {
  all: ['agency-options'] as const,
  children: (source: string, parentId: string) => [...agencyOptionKeys.all, source, 'children', parentId] as const,
  search: (source: string, q: string) => [...agencyOptionKeys.all, source, 'search', q] as const,
};
