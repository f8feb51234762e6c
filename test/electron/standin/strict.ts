import { electronApi, type ElectronApiName } from './api.ts';

/** Every read or write of a member the stand-in does not define, in this process. */
export const violations: string[] = [];

function violation(name: string, key: string, what: 'read' | 'set'): Error {
  const message = `Electron stand-in: ${what} of ${name}.${key}, which is not in test/electron/standin/api.ts`;
  violations.push(message);
  return new Error(message);
}

/**
 * Wraps a stand-in object so it answers only the members `electronApi[name]` lists (and fails
 * loudly on anything else). `then` reads as undefined, as on Electron's own objects, so a
 * stand-in can be awaited; symbols (inspection) pass through.
 */
export function strict<T extends object>(name: ElectronApiName, target: T): T {
  for (const key of electronApi[name]) {
    if (!(key in target)) throw new Error(`Electron stand-in: ${name}.${key} is listed in api.ts but missing from the stand-in`);
  }
  return strictRecord(name, target);
}

/** Like `strict`, for the events and details Electron passes in, which carry some of their listed members. */
export function strictRecord<T extends object>(name: ElectronApiName, target: T): T {
  const allowed = new Set<string>(electronApi[name]);
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'symbol' || allowed.has(key)) return Reflect.get(object, key, receiver);
      if (key === 'then') return undefined;
      // `new` on a class proxy reads `prototype` through this trap.
      if (key === 'prototype' && typeof object === 'function') return Reflect.get(object, key, receiver);
      throw violation(name, key, 'read');
    },
    set(object, key, value, receiver) {
      if (typeof key === 'symbol' || allowed.has(key)) return Reflect.set(object, key, value, receiver);
      throw violation(name, key, 'set');
    },
  });
}
