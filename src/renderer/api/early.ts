import { createEarlyCalls, startEarlyCalls } from './earlyCalls';

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
  startEarlyCalls(early, window.location.hash.replace(/^#/, '') || '/', new Date());
}
