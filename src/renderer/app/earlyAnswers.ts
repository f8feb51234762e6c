import { hashKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { localIsoDate } from '../../shared/dates';
import { takeEarlyAnswer } from '../api/client';
import { EARLY_CALL_MAX_AGE_MS, type EarlyCalls } from '../api/earlyCalls';
import { coursePageInput, dashboardFiltersOf, openingFilterFields } from '../features/dashboard/dashboardReads';
import { queryKeys } from './queryKeys';

/** How long the app's first render waits for the first script's answers still on their way. */
export const FIRST_RENDER_WAIT_MS = 250;

/** Resolves when the first script's calls are answered, or after FIRST_RENDER_WAIT_MS (at once without them). */
export function firstAnswers(early: EarlyCalls | undefined): Promise<void> {
  if (!early) return Promise.resolve();
  return Promise.race([early.settled(), new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))]);
}

/** Query hashes seeded from the page's first script, with when. */
const seeded = new Map<string, number>();

/**
 * Puts the answers the page's first script already has (api/early.ts) into the query cache before
 * the app's first render, so the first screen draws with its data instead of a spinner. A call
 * still on its way is left for the screen's own query, which takes it instead of asking again.
 */
export function seedEarlyAnswers(client: QueryClient): void {
  const seed = (key: QueryKey, value: unknown) => {
    if (value === undefined) return;
    client.setQueryData(key, value);
    seeded.set(hashKey(key), performance.now());
  };
  seed(queryKeys.recovery, takeEarlyAnswer('recovery:status', {}));
  seed(queryKeys.appInfo, takeEarlyAnswer('app:info', {}));
  seed(queryKeys.authSession, takeEarlyAnswer('auth:session', {}));
  const date = localIsoDate(new Date());
  seed(queryKeys.today(date), takeEarlyAnswer('sessions:today', { date }));
  seed(queryKeys.item9Alerts, takeEarlyAnswer('assessments:openAlerts', {}));
  seed(queryKeys.protocolList(true), takeEarlyAnswer('protocols:list', { includeInactive: true }));
  seed(queryKeys.staffList(true), takeEarlyAnswer('staff:list', { includeInactive: true }));
  const opening = dashboardFiltersOf(openingFilterFields);
  seed(queryKeys.dashboard('cohort', opening), takeEarlyAnswer('dashboard:cohort', opening));
  seed(queryKeys.dashboardPage(opening, 0), takeEarlyAnswer('dashboard:courses', coursePageInput(opening, 0)));
  // The first screen to show seeded data is its "just read": after that mount (react-query asks
  // `refetchOnMount` more than once while mounting), later visits read afresh.
  client.getQueryCache().subscribe((event) => {
    const hash = event.query.queryHash;
    if (event.type === 'observerAdded' && seeded.has(hash)) queueMicrotask(() => seeded.delete(hash));
  });
}

/**
 * For `refetchOnMount`: false while the first screen mounts on data seeded from the page's first
 * script (read a moment ago, during this page's load); true afterwards, as for any other data.
 */
export function refetchUnlessJustSeeded(query: { queryHash: string; state: { isInvalidated: boolean } }): boolean {
  const at = seeded.get(query.queryHash);
  return at === undefined || query.state.isInvalidated || performance.now() - at > EARLY_CALL_MAX_AGE_MS;
}
