import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { localIsoDate } from '../../shared/dates';
import { takeEarlyAnswer } from '../api/client';
import { queryKeys } from './queryKeys';

const seeded = new Set<string>();

/**
 * Puts the answers the page's first script already has (api/early.ts) into the query cache before
 * the app's first render, so the first screen draws with its data instead of a spinner. A call
 * still on its way is left for the screen's own query, which takes it instead of asking again.
 */
export function seedEarlyAnswers(client: QueryClient): void {
  const seed = (key: QueryKey, value: unknown) => {
    if (value === undefined) return;
    client.setQueryData(key, value);
    seeded.add(hashKey(key));
  };
  seed(queryKeys.recovery, takeEarlyAnswer('recovery:status', {}));
  seed(queryKeys.appInfo, takeEarlyAnswer('app:info', {}));
  seed(queryKeys.authSession, takeEarlyAnswer('auth:session', {}));
  const date = localIsoDate(new Date());
  seed(queryKeys.today(date), takeEarlyAnswer('sessions:today', { date }));
}

/**
 * For `refetchOnMount`: false the first time a screen mounts on data seeded from the page's first
 * script (read a moment ago, during this page's load); true afterwards, as for any other data.
 */
export function refetchUnlessJustSeeded(query: { queryHash: string }): boolean {
  return !seeded.delete(query.queryHash);
}
