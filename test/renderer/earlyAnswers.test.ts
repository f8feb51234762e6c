import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/dates';
import type { IpcResult } from '../../src/shared/ipc/result';
import { createEarlyCalls } from '../../src/renderer/api/earlyCalls';
import { refetchUnlessJustSeeded, seedEarlyAnswers } from '../../src/renderer/app/earlyAnswers';
import { queryKeys } from '../../src/renderer/app/queryKeys';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

describe('answers the page’s first script brought along', () => {
  it('are the first screen’s data without asking again while it mounts; a later visit reads afresh', async () => {
    const date = localIsoDate(new Date());
    const early = createEarlyCalls((channel) => Promise.resolve<IpcResult<unknown>>({ ok: true, value: [`early ${channel}`] }), () => performance.now());
    void early.start('sessions:today', { date });
    await flush();
    Reflect.set(globalThis, 'window', { tmsEarlyCalls: early });
    const client = new QueryClient();
    seedEarlyAnswers(client);
    expect(client.getQueryData(queryKeys.today(date))).toEqual(['early sessions:today']);

    let asked = 0;
    const options = { queryKey: queryKeys.today(date), queryFn: () => { asked += 1; return Promise.resolve(['afresh']); }, staleTime: 0, refetchOnMount: refetchUnlessJustSeeded };
    // react-query asks refetchOnMount both while rendering and while subscribing: neither may refetch.
    const first = new QueryObserver(client, options);
    // As useQuery renders: an optimistic result, which asks refetchOnMount.
    const rendering = { ...client.defaultQueryOptions(options), _optimisticResults: 'optimistic' as const };
    expect(first.getOptimisticResult(rendering).data).toEqual(['early sessions:today']);
    const stop = first.subscribe(() => undefined);
    await flush();
    expect(asked).toBe(0);
    stop();

    const second = new QueryObserver(client, options);
    const stopSecond = second.subscribe(() => undefined);
    await flush();
    expect(asked).toBe(1);
    expect(client.getQueryData(queryKeys.today(date))).toEqual(['afresh']);
    stopSecond();
    client.clear();
  });
});
