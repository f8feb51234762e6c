/**
 * Polls `check` until it holds. The bound is generous (a loaded 2-core machine): it only stops a
 * test that would otherwise hang, it never decides a result.
 */
export async function waitFor(check: () => Promise<boolean> | boolean, what: string, context: () => string = () => '', timeoutMs = 45_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Waited ${timeoutMs / 1000} s for ${what}\n${context()}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
