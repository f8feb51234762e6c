/**
 * Where a form goes back to after saving: the screen it was opened from (passed as
 * `{ state: { returnTo } }` when navigating to it), else `fallback`. Only paths inside the app.
 */
export function returnPathOf(state: unknown, fallback: string): string {
  const to = state && typeof state === 'object' && 'returnTo' in state ? (state as { returnTo: unknown }).returnTo : null;
  return typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') ? to : fallback;
}
