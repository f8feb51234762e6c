import { describe, expect, it } from 'vitest';
import { localIsoDate } from '../../src/shared/dates';
import type { IpcResult } from '../../src/shared/ipc/result';
import { createEarlyCalls, EARLY_CALL_MAX_AGE_MS, earlyDashboardReads, earlyDate } from '../../src/renderer/api/earlyCalls';
import { coursePageInput, dashboardFiltersOf, openingFilterFields } from '../../src/renderer/features/dashboard/dashboardReads';

describe('the page first script’s calls', () => {
  it('writes the local date as the app does (so the today list it asks for is the one the screen asks for)', () => {
    for (const date of [new Date(2026, 0, 1, 0, 0), new Date(2026, 10, 25, 23, 59), new Date(999, 1, 28, 12), new Date(2028, 1, 29, 6)]) {
      expect(earlyDate(date)).toBe(localIsoDate(date));
    }
  });

  it('asks for the very reads the dashboard makes as it opens (same channel input, same key order)', () => {
    const filters = dashboardFiltersOf(openingFilterFields);
    expect(JSON.stringify(earlyDashboardReads.cohort)).toBe(JSON.stringify(filters));
    expect(JSON.stringify(earlyDashboardReads.firstPage)).toBe(JSON.stringify(coursePageInput(filters, 0)));
  });

  it('gives each call once, only to the same channel and input, and only while fresh', async () => {
    let clock = 0;
    const asked: string[] = [];
    const early = createEarlyCalls((channel, input) => {
      asked.push(`${channel} ${JSON.stringify(input)}`);
      return Promise.resolve<IpcResult<unknown>>({ ok: true, value: channel });
    }, () => clock);
    void early.start('sessions:today', { date: '2026-11-25' });
    void early.start('app:info', {});
    void early.start('auth:session', {});
    expect(early.answered('app:info', {})).toBe(false);
    await Promise.resolve();
    await Promise.resolve();
    expect(early.answered('app:info', {})).toBe(true);

    expect(early.take('sessions:today', { date: '2026-11-24' })).toBeNull();
    expect((await early.take('sessions:today', { date: '2026-11-25' })?.promise)?.ok).toBe(true);
    expect(early.take('sessions:today', { date: '2026-11-25' })).toBeNull();

    clock = EARLY_CALL_MAX_AGE_MS;
    expect(early.take('app:info', {})?.result).toEqual({ ok: true, value: 'app:info' });
    clock = EARLY_CALL_MAX_AGE_MS + 1;
    expect(early.take('auth:session', {})).toBeNull();
    expect(asked).toEqual(['sessions:today {"date":"2026-11-25"}', 'app:info {}', 'auth:session {}']);
  });

  it('offers a read asked before sign-in is known only once the window turns out signed in', async () => {
    const asked: string[] = [];
    const early = createEarlyCalls((channel) => {
      asked.push(channel);
      return Promise.resolve<IpcResult<unknown>>({ ok: true, value: channel });
    }, () => 0);
    let signIn: (signedIn: boolean) => void = () => undefined;
    const signedIn = new Promise<boolean>((resolve) => { signIn = resolve; });
    const signedOut = Promise.resolve(false);
    void early.start('sessions:today', { date: '2026-11-25' }, signedIn);
    void early.start('dashboard:cohort', { scale: 'phq9' }, signedOut);
    // Both were asked at once, neither waits for the session's answer.
    expect(asked).toEqual(['sessions:today', 'dashboard:cohort']);
    await Promise.resolve();
    await Promise.resolve();
    expect(early.answered('sessions:today', { date: '2026-11-25' })).toBe(false);
    signIn(true);
    await Promise.resolve();
    expect(early.answered('sessions:today', { date: '2026-11-25' })).toBe(true);
    expect(early.take('sessions:today', { date: '2026-11-25' })?.result).toEqual({ ok: true, value: 'sessions:today' });
    // Signed out: the refused read is never given to the app, which asks again after signing in.
    expect(early.answered('dashboard:cohort', { scale: 'phq9' })).toBe(false);
    expect(early.take('dashboard:cohort', { scale: 'phq9' })).toBeNull();
  });

  it('gives nothing after clear(): a sign-out, lock or sign-in forgets the calls, even those still waiting for the session', async () => {
    const early = createEarlyCalls((channel) => Promise.resolve<IpcResult<unknown>>({ ok: true, value: channel }), () => 0);
    let signIn: (signedIn: boolean) => void = () => undefined;
    const signedIn = new Promise<boolean>((resolve) => { signIn = resolve; });
    void early.start('app:info', {});
    void early.start('sessions:today', { date: '2026-11-25' }, signedIn);
    await Promise.resolve();
    await Promise.resolve();
    expect(early.answered('app:info', {})).toBe(true);
    early.clear();
    signIn(true);
    await early.settled();
    expect(early.take('app:info', {})).toBeNull();
    expect(early.take('sessions:today', { date: '2026-11-25' })).toBeNull();
  });

  it('keeps a failed call for the app to report, without an unhandled rejection', async () => {
    const early = createEarlyCalls(() => Promise.reject(new Error('bridge gone')), () => 0);
    void early.start('app:info', {}).catch(() => undefined);
    const taken = early.take('app:info', {});
    await expect(taken?.promise).rejects.toThrow('bridge gone');
  });
});
