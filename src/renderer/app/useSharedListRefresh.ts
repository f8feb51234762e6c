import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { call } from '../api/client';
import { queryKeys } from './queryKeys';

/** How often the screen asks main whether the clinic's data changed (another workstation, another window). */
export const REVISION_POLL_MS = 1000;

/**
 * The lists several people share — today, open alerts, pending co-signatures, the dashboard,
 * patient search — refresh within about a second of a change made anywhere. Only lists: a form's
 * own data is never re-read under the person typing.
 */
const SHARED_LISTS = [['clinical', 'today'], queryKeys.item9Alerts, ['clinical', 'pending'], ['clinical', 'dashboard'], queryKeys.outcomeRuleChanges, ['patients', 'search']] as const;

export function useSharedListRefresh(enabled: boolean): void {
  const client = useQueryClient();
  const revision = useQuery({ queryKey: ['audit', 'revision'], queryFn: () => call('audit:revision', {}), enabled, refetchInterval: REVISION_POLL_MS, retry: false, staleTime: 0 });
  const seen = useRef<number | null>(null);
  const current = revision.data?.revision;
  useEffect(() => {
    if (current === undefined) return;
    if (seen.current !== null && seen.current !== current) {
      for (const queryKey of SHARED_LISTS) void client.invalidateQueries({ queryKey });
    }
    seen.current = current;
  }, [client, current]);
}
