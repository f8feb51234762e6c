import type { Channel } from '../../shared/ipc/channels';
import type { IpcResult } from '../../shared/ipc/result';
import type { AuthSession } from '../../shared/schemas/auth';

/** A call the page's first script (early.ts) made before the app's code had loaded. */
export interface EarlyCall {
  promise: Promise<IpcResult<unknown>>;
  /** The answer, once it came. */
  result?: IpcResult<unknown>;
}

/** The calls the page's first script made, each taken once by the app's own identical call. */
export interface EarlyCalls {
  /**
   * Asks main now. With `keepIf`, the answer is offered to the app only once `keepIf` resolves true
   * (a read asked before the window knows it is signed in: if it is not, main refused it, and the
   * app, once signed in, asks again).
   */
  start(channel: Channel, input: unknown, keepIf?: Promise<boolean>): Promise<IpcResult<unknown>>;
  /** The early call for this channel and input, if there is one still fresh; taken (a second take gets null). */
  take(channel: Channel, input: unknown): EarlyCall | null;
  /** Whether the early call for this channel and input has been answered (not taken). */
  answered(channel: Channel, input: unknown): boolean;
  /** Resolves once every call started so far is answered (or failed) and offered to the app or not. */
  settled(): Promise<void>;
  /** Forgets every call (someone signed out, locked the window or signed in): none is given to the app after this. */
  clear(): void;
}

declare global {
  interface Window {
    /** Set by the page's first script (api/early.ts); absent while developing without it. */
    tmsEarlyCalls?: EarlyCalls;
  }
}

/** An early answer is taken only this soon after it was asked: later, the app asks afresh. */
export const EARLY_CALL_MAX_AGE_MS = 10_000;

/**
 * The local calendar date as YYYY-MM-DD, as `localIsoDate` in src/shared/dates.ts writes it (the
 * first script carries no shared code, so it loads in one request; a test keeps the two equal).
 */
export function earlyDate(now: Date): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * The dashboard's first two reads as it opens (PHQ-9, every course): its cohort figures and the
 * first page of its course table, as features/dashboard/dashboardReads.ts builds them (a test keeps
 * them equal: the first script carries no shared code).
 */
const OPENING_DASHBOARD_FILTERS = { scale: 'phq9', statuses: [], protocolLineageIds: [], prescriberIds: [], startFrom: null, startTo: null };
export const earlyDashboardReads = { cohort: OPENING_DASHBOARD_FILTERS, firstPage: { ...OPENING_DASHBOARD_FILTERS, offset: 0, limit: 100 } } as const;

/**
 * What every screen's frame shows from its first frame (the open suicide-item alerts) and the
 * dashboard's filter choices (protocols, psychiatrists): asked with the rest, so the frame does not
 * draw again (and the list below it move down) when they arrive. Only reads every role makes: the
 * first script knows no roles, and asks nothing the app would not (a test keeps them used).
 */
export const earlyFrameReads = [['assessments:openAlerts', {}]] as const satisfies ReadonlyArray<readonly [Channel, unknown]>;
export const earlyDashboardChoices = [['protocols:list', { includeInactive: true }], ['staff:list', { includeInactive: true }]] as const satisfies ReadonlyArray<readonly [Channel, unknown]>;

/** The registry of early calls over `invoke` (the bridge), with `now` in milliseconds for their age. */
export function createEarlyCalls(invoke: (channel: Channel, input: unknown) => Promise<IpcResult<unknown>>, now: () => number): EarlyCalls {
  const calls = new Map<string, EarlyCall & { at: number }>();
  const started: Array<Promise<unknown>> = [];
  // Bumped by clear(): a call offered (keepIf) after it is not registered.
  let generation = 0;
  const keyOf = (channel: Channel, input: unknown) => `${channel} ${JSON.stringify(input)}`;
  return {
    start(channel, input, keepIf) {
      const entry: EarlyCall & { at: number } = { at: now(), promise: invoke(channel, input) };
      // A failure is the app's to report when it takes the call; nothing is left unhandled here.
      entry.promise.then((result) => { entry.result = result; }, () => undefined);
      const key = keyOf(channel, input);
      const asked = generation;
      if (!keepIf) calls.set(key, entry);
      const offered = keepIf?.then((keep) => { if (keep && asked === generation) calls.set(key, entry); }, () => undefined);
      started.push(Promise.allSettled([entry.promise, offered]));
      return entry.promise;
    },
    take(channel, input) {
      const key = keyOf(channel, input);
      const entry = calls.get(key);
      if (!entry) return null;
      calls.delete(key);
      return now() - entry.at <= EARLY_CALL_MAX_AGE_MS ? entry : null;
    },
    answered(channel, input) {
      return calls.get(keyOf(channel, input))?.result !== undefined;
    },
    settled() {
      return Promise.all(started).then(() => undefined);
    },
    clear() {
      generation += 1;
      calls.clear();
    },
  };
}

/**
 * The first script's calls for a window opening on `route`: recovery state, clinic, who is signed
 * in, and, asked alongside (offered to the app only if the window is signed in), the frame's reads
 * and the first screen's (the today list, or the dashboard's).
 */
export function startEarlyCalls(early: EarlyCalls, route: string, now: Date): void {
  // The printable report is its own page, signed in by main; it asks for none of this.
  if (route.startsWith('/report/')) return;
  void early.start('recovery:status', {});
  void early.start('app:info', {});
  const signedIn = early.start('auth:session', {}).then((result) => {
    const session = result.ok ? (result.value as AuthSession) : null;
    return Boolean(session?.staff && !session.mustChangePassword);
  }, () => false);
  for (const [channel, input] of earlyFrameReads) void early.start(channel, input, signedIn);
  if (route === '/' || route === '/today') void early.start('sessions:today', { date: earlyDate(now) }, signedIn);
  if (route === '/dashboard') {
    void early.start('dashboard:cohort', earlyDashboardReads.cohort, signedIn);
    void early.start('dashboard:courses', earlyDashboardReads.firstPage, signedIn);
    for (const [channel, input] of earlyDashboardChoices) void early.start(channel, input, signedIn);
  }
}
