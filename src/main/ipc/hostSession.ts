/**
 * Who is signed in where: per window (Electron webContents) or per browser session (web host
 * cookie). The host owns the store; dispatch reads it and signs in and out through it. Nothing
 * the renderer sends can name the acting staff member.
 */
export interface HostSession {
  readonly staffId: number | null;
  /** The last call made while signed in: dispatch signs out after the clinic's idle time. */
  readonly lastActivity: Date | null;
  signIn(staffId: number, now: Date): void;
  signOut(): void;
  touch(now: Date): void;
}

export class HostSessions<K> {
  private readonly states = new Map<K, { staffId: number; lastActivity: Date }>();

  get(key: K): HostSession {
    const states = this.states;
    return {
      get staffId() {
        return states.get(key)?.staffId ?? null;
      },
      get lastActivity() {
        return states.get(key)?.lastActivity ?? null;
      },
      signIn: (staffId, now) => void states.set(key, { staffId, lastActivity: now }),
      signOut: () => void states.delete(key),
      touch(now) {
        const state = states.get(key);
        if (state) state.lastActivity = now;
      },
    };
  }

  /** The window or browser session is gone. */
  forget(key: K): void {
    this.states.delete(key);
  }
}
