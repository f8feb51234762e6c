import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/dates';
import type { IpcResult } from '../../src/shared/ipc/result';
import type { Channel } from '../../src/shared/ipc/channels';
import { createEarlyCalls, startEarlyCalls } from '../../src/renderer/api/earlyCalls';
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

  it('reads a seeded list again on mount if a change made it stale before its screen mounted', async () => {
    const date = localIsoDate(new Date());
    const early = createEarlyCalls((channel) => Promise.resolve<IpcResult<unknown>>({ ok: true, value: [`early ${channel}`] }), () => performance.now());
    void early.start('sessions:today', { date });
    await early.settled();
    Reflect.set(globalThis, 'window', { tmsEarlyCalls: early });
    const client = new QueryClient();
    seedEarlyAnswers(client);
    await client.invalidateQueries({ queryKey: queryKeys.today(date) });
    let asked = 0;
    const observer = new QueryObserver(client, { queryKey: queryKeys.today(date), queryFn: () => { asked += 1; return Promise.resolve(['afresh']); }, staleTime: 0, refetchOnMount: refetchUnlessJustSeeded });
    const stop = observer.subscribe(() => undefined);
    await flush();
    expect(asked).toBe(1);
    stop();
    client.clear();
  });

  it('uses every read the first script asked for, on each screen a window opens on (same channel and input as the app’s own)', async () => {
    for (const route of ['/today', '/', '/dashboard', '/patients']) {
      const asked: Array<[Channel, unknown]> = [];
      const early = createEarlyCalls((channel, input) => {
        asked.push([channel, input]);
        const value = channel === 'auth:session' ? { staff: { id: 1 }, mustChangePassword: false } : [channel];
        return Promise.resolve<IpcResult<unknown>>({ ok: true, value });
      }, () => performance.now());
      startEarlyCalls(early, route, new Date());
      await early.settled();
      Reflect.set(globalThis, 'window', { tmsEarlyCalls: early });
      seedEarlyAnswers(new QueryClient());
      const left = asked.filter(([channel, input]) => early.answered(channel, input)).map(([channel]) => channel);
      expect(left, route).toEqual([]);
      expect(asked.length, route).toBe({ '/today': 5, '/': 5, '/dashboard': 8, '/patients': 4 }[route]);
    }
  });

  it('offers nothing but the session to a window that is not signed in', async () => {
    const early = createEarlyCalls((channel) => Promise.resolve<IpcResult<unknown>>(channel === 'auth:session' ? { ok: true, value: { staff: null, mustChangePassword: false } } : { ok: false, error: { code: 'unauthenticated', message: 'Sign in' } }), () => performance.now());
    startEarlyCalls(early, '/today', new Date());
    await early.settled();
    expect(early.answered('auth:session', {})).toBe(true);
    expect(early.answered('sessions:today', { date: localIsoDate(new Date()) })).toBe(false);
    expect(early.answered('assessments:openAlerts', {})).toBe(false);
  });
});
