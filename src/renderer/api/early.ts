import type { AuthSession } from '../../shared/schemas/auth';
import { createEarlyCalls, earlyDashboardReads, earlyDate } from './earlyCalls';

/**
 * The page's first script, loaded in one small request ahead of the app's own code: it asks main
 * what the first screen needs (recovery state, clinic, who is signed in, and for a window opening on
 * the today list or the dashboard, its first reads) while the app's code is still loading. The app takes
 * these answers instead of asking again (`call` in client.ts). Main still decides everything: these
 * are the very calls the app makes, only earlier.
 */
const bridge = window.api;
if (bridge) {
  const early = createEarlyCalls((channel, input) => bridge.invoke(channel, input), () => performance.now());
  window.tmsEarlyCalls = early;
  const route = window.location.hash.replace(/^#/, '') || '/';
  // The printable report is its own page, signed in by main; it asks for none of this.
  if (!route.startsWith('/report/')) {
    void early.start('recovery:status', {});
    void early.start('app:info', {});
    const signedIn = early.start('auth:session', {}).then((result) => {
      const session = result.ok ? (result.value as AuthSession) : null;
      return Boolean(session?.staff && !session.mustChangePassword);
    }, () => false);
    // Asked alongside the session, not after it: a signed-in window's first screen then draws with its data in one pass.
    if (route === '/' || route === '/today') void early.start('sessions:today', { date: earlyDate(new Date()) }, signedIn);
    if (route === '/dashboard') {
      void early.start('dashboard:cohort', earlyDashboardReads.cohort, signedIn);
      void early.start('dashboard:courses', earlyDashboardReads.firstPage, signedIn);
    }
  }
}
