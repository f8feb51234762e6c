import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { channelAccess } from 'virtual:channel-access';
import { type AccessPolicy, mayAccess } from '../../shared/ipc/access';
import type { Channel } from '../../shared/ipc/channels';
import type { AuthSession, SignInResult } from '../../shared/schemas/auth';
import type { Staff } from '../../shared/schemas/staff';
import { call, forgetEarlyCalls, SIGNED_OUT_EVENT } from '../api/client';
import { queryKeys } from '../app/queryKeys';
import { setDraftOwner } from '../forms/draftStorage';

export interface AuthState {
  /** What main says about this window (who is signed in, the clinic's lock time). */
  session: AuthSession | undefined;
  sessionError: unknown;
  /** The person whose screens are open (also while locked); null before anyone signed in. */
  owner: Staff | null;
  locked: boolean;
  /** After a successful sign-in, first-run or set-up: the same person unlocks; another starts clean. */
  signedIn(result: SignInResult): void;
  lock(): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Who is signed in at this window, the lock, and sign-out. Main decides; this mirrors it. */
export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const session = useQuery({ queryKey: queryKeys.authSession, queryFn: () => call('auth:session', {}) });
  const [owner, setOwner] = useState<Staff | null>(null);
  const [locked, setLocked] = useState(false);

  // A window reloaded while signed in (main still knows this window) continues as that person.
  const signedInStaff = session.data?.staff ?? null;
  const current = owner ?? signedInStaff;
  setDraftOwner(current?.id ?? 0);
  // Kept as state (set while rendering, React's pattern for state derived from a change), so the
  // screens stay theirs while locked even though main no longer has anyone signed in.
  if (!owner && signedInStaff) setOwner(signedInStaff);

  useEffect(() => {
    const onSignedOut = () => {
      forgetEarlyCalls();
      if (current) setLocked(true);
      void client.invalidateQueries({ queryKey: queryKeys.authSession });
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, [client, current]);

  const signedIn = useCallback(
    (result: SignInResult) => {
      forgetEarlyCalls();
      if (current && current.id !== result.staff.id) {
        // Someone else at this window: nothing of the first person's screens or data stays.
        client.clear();
        window.location.hash = '#/today';
      }
      setOwner(result.staff);
      setLocked(false);
      void client.invalidateQueries({ queryKey: queryKeys.authSession });
    },
    [client, current],
  );
  const lock = useCallback(async () => {
    forgetEarlyCalls();
    setLocked(true);
    await call('auth:signOut', { reason: 'lock' }).catch(() => undefined);
    await client.invalidateQueries({ queryKey: queryKeys.authSession });
  }, [client]);
  const signOut = useCallback(async () => {
    forgetEarlyCalls();
    await call('auth:signOut', { reason: 'sign_out' }).catch(() => undefined);
    client.clear();
    setOwner(null);
    setLocked(false);
    window.location.hash = '#/today';
  }, [client]);

  const value = useMemo<AuthState>(
    () => ({ session: session.data, sessionError: session.error, owner: current, locked, signedIn, lock, signOut }),
    [session.data, session.error, current, locked, signedIn, lock, signOut],
  );
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside AuthProvider');
  return state;
}

/** The signed-in staff member; only for screens behind the sign-in screen. */
export function useActor(): Staff {
  const { owner } = useAuth();
  if (!owner) throw new Error('Nobody is signed in: this screen must render behind the sign-in screen');
  return owner;
}

/**
 * Whether the signed-in person may call a channel: the contract's own declaration (its `access`,
 * taken from the contract at build time without its schemas), read with the same rule main
 * enforces, so the screens never restate who may do what.
 */
export function useCan(): (channel: Channel) => boolean {
  const { owner, session } = useAuth();
  return useCallback(
    (channel: Channel) => {
      const policy: AccessPolicy = { psychiatristsManageStaff: session?.psychiatristsManageStaff ?? false };
      return mayAccess(channelAccess[channel], owner?.role ?? null, policy);
    },
    [owner, session?.psychiatristsManageStaff],
  );
}
