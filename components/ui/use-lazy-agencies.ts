'use client';

import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { agencyOptionQueries } from '@/lib/query/agency-options';
import type { PickerAgency } from './agency-picker';

/** Pause after the last keystroke before the picker asks the server (a search per pause, not per key). */
const SEARCH_DELAY_MS = 300;

export type LoadState = 'loading' | 'error';

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Keeps the first of each id: an agency may come in the top, a loaded branch and a remembered choice. */
function unique(lists: ReadonlyArray<readonly PickerAgency[]>): PickerAgency[] {
  const seen = new Set<string>();
  return lists.flat().filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/**
 * The lazy half of the agency picker (`source` set): the children of every open branch whose children were not
 * sent are fetched from `source`, and the search asks `source` after a pause in typing. Without `source` it
 * fetches nothing and hands `agencies` back as they are.
 */
export function useLazyAgencies(
  source: string | undefined,
  agencies: readonly PickerAgency[],
  open: Set<string>,
  query: string,
) {
  const lazy = source !== undefined;
  // Agencies chosen from a search result, with their path: they stay in the tree once the search is cleared.
  const [remembered, setRemembered] = useState<PickerAgency[]>([]);
  const sentWhole = useMemo(() => new Set(agencies.filter((a) => !a.lazyChildren).map((a) => a.id)), [agencies]);
  const toLoad = lazy ? [...open].filter((id) => !sentWhole.has(id)) : [];
  const branches = useQueries({ queries: toLoad.map((id) => agencyOptionQueries.children(source ?? '', id)) });
  const term = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const search = useQuery({ ...agencyOptionQueries.search(source ?? '', term), enabled: lazy && term !== '' });

  const loaded = new Map(
    toLoad.flatMap((id, i) => (branches[i]?.data ? [[id, branches[i].data.agencies] as const] : [])),
  );
  // A loaded branch's children come first, so they keep the server's order rather than that of a remembered path.
  const known = lazy ? unique([...loaded.values(), agencies, remembered]) : agencies;
  const branchState = (id: string): LoadState | undefined => {
    const i = toLoad.indexOf(id);
    const q = i < 0 ? undefined : branches[i];
    return q?.isError ? 'error' : q?.isPending ? 'loading' : undefined;
  };
  return {
    lazy,
    known,
    /** True while a branch may have children that are not here yet (opening it loads them). */
    unloaded: (a: PickerAgency) => lazy && !!a.lazyChildren && !loaded.has(a.id),
    branchState,
    retryBranch: (id: string) => void branches[toLoad.indexOf(id)]?.refetch(),
    /** The server's matches (with their paths) for the typed text; undefined while it is still being asked. */
    found: term === query.trim() && search.data ? search.data : undefined,
    searchFailed: search.isError && term === query.trim(),
    retrySearch: () => void search.refetch(),
    remember: (path: PickerAgency[]) => setRemembered((r) => [...r, ...path]),
  };
}
