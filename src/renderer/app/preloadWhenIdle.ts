/**
 * Returns a function that fetches these chunks when the page is next idle, once per page however
 * often it is called. A failed fetch is left to the screen that needs the chunk.
 */
export function preloadOnceWhenIdle(chunks: ReadonlyArray<() => Promise<unknown>>): () => void {
  let started = false;
  return () => {
    if (started) return;
    started = true;
    const load = () => {
      for (const chunk of chunks) void chunk().catch(() => undefined);
    };
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(load, { timeout: 2_000 });
    else window.setTimeout(load, 0);
  };
}
