'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { inspectionQueries } from '@/lib/query/inspections';
import { inspectionKeys } from '@/lib/query/keys';
import type { InspectionsPage } from '@/lib/schemas/inspection';
import { InspectionTable } from './inspection-table';

/** The server-rendered page, refreshed every few seconds while an inspection on it is queued or scoring. */
export function LiveInspectionTable({ page, initial }: { page: number; initial: InspectionsPage }) {
  const client = useQueryClient();
  // A new server render (after starting an inspection) replaces what the cache holds and restarts polling.
  useEffect(() => {
    client.setQueryData(inspectionKeys.list(page), initial);
  }, [client, page, initial]);
  const { data } = useQuery({ ...inspectionQueries.list(page), initialData: initial });
  return <InspectionTable items={data.items} />;
}
