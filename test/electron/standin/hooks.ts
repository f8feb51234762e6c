import type { ResolveHook } from 'node:module';

/**
 * Module resolve hook for boot tests: the specifier `electron` resolves to the stand-in module.
 * Named imports it does not export fail when the bundle links, so its export list is the API list.
 */
const standin = new URL('./electron.ts', import.meta.url).href;

export const resolve: ResolveHook = (specifier, context, nextResolve) => {
  if (specifier === 'electron') return { url: standin, shortCircuit: true };
  return nextResolve(specifier, context);
};
