import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { call } from '../api/client';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useAuth } from '../session/auth';
import { useIdleLock } from '../session/useIdleLock';
import { setClinicDateFormat } from '../format';
import { preloadOnceWhenIdle } from './preloadWhenIdle';
import { queryKeys } from './queryKeys';

/**
 * The screens shown instead of the app (sign-in and its forms, lock, first run, recovery), each
 * loaded when first needed: a window opening signed in does not load or compile them (their forms
 * bring react-hook-form and the sign-in schemas). Once the app is on screen, the lock and sign-in
 * screens are fetched at the next idle moment (`preloadGateScreens`), so locking never waits.
 */
const gate = {
  lock: () => import('../features/auth/LockScreen'),
  signIn: () => import('../features/auth/SignInScreen'),
  changePassword: () => import('../features/auth/ChangePasswordScreen'),
  setUpSignIn: () => import('../features/auth/SetUpSignInScreen'),
  firstRun: () => import('../features/staff/FirstRunScreen'),
  recovery: () => import('../features/backup/RecoveryScreen'),
  serverProblem: () => import('../features/clinicDatabase/ServerProblemScreen'),
};
const LockScreen = lazy(() => gate.lock().then((m) => ({ default: m.LockScreen })));
const SignInScreen = lazy(() => gate.signIn().then((m) => ({ default: m.SignInScreen })));
const ChangePasswordScreen = lazy(() => gate.changePassword().then((m) => ({ default: m.ChangePasswordScreen })));
const SetUpSignInScreen = lazy(() => gate.setUpSignIn().then((m) => ({ default: m.SetUpSignInScreen })));
const FirstRunScreen = lazy(() => gate.firstRun().then((m) => ({ default: m.FirstRunScreen })));
const RecoveryScreen = lazy(() => gate.recovery().then((m) => ({ default: m.RecoveryScreen })));
const ServerProblemScreen = lazy(() => gate.serverProblem().then((m) => ({ default: m.ServerProblemScreen })));

/** Fetches the lock and sign-in screens when the page is next idle; once per page. */
const preloadGateScreens = preloadOnceWhenIdle([gate.lock, gate.signIn]);

/** A gate screen while its chunk loads: the same words as while the database opens. */
function Gate({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading label="Opening the clinic database" />}>{children}</Suspense>;
}

/**
 * Shows the app only to a signed-in person. While locked, the app stays mounted but hidden under
 * the lock screen, so the same person comes back to the same screen with what they typed.
 */
export function StartGate({ children }: { children: ReactNode }) {
  const { session, sessionError, owner, locked, lock } = useAuth();
  const recovery = useQuery({ queryKey: queryKeys.recovery, queryFn: () => call('recovery:status', {}), staleTime: Infinity });
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app:info', {}) });
  useIdleLock(owner && !locked ? (session?.lockAfterMinutes ?? null) : null, () => void lock());
  // Set before the screens below render; a change of the setting re-mounts them (key) in the new format.
  if (session) setClinicDateFormat(session.dateFormat);
  useEffect(() => {
    if (owner) preloadGateScreens();
  }, [owner]);

  if (recovery.data?.state === 'recovery') return <Gate><RecoveryScreen status={recovery.data} /></Gate>;
  if (recovery.data?.state === 'server') return <Gate><ServerProblemScreen status={recovery.data} /></Gate>;
  if (recovery.isPending || info.isPending || (!session && !sessionError)) return <Loading label="Opening the clinic database" />;
  if (info.isError || sessionError) {
    return (
      <CenteredCard title="The database could not be opened">
        <ErrorNotice error={info.error ?? sessionError} />
      </CenteredCard>
    );
  }
  if (owner) {
    if (!locked && session?.mustChangePassword) return <Gate><ChangePasswordScreen /></Gate>;
    return (
      <>
        {locked && <Suspense><LockScreen /></Suspense>}
        <div key={`${owner.id}:${session?.dateFormat ?? ''}`} hidden={locked} data-testid="app-root">
          {children}
        </div>
      </>
    );
  }
  if (info.data.staffCount === 0) return <Gate><FirstRunScreen databasePath={info.data.databasePath} /></Gate>;
  if (session?.signInSetupNeeded) return <Gate><SetUpSignInScreen /></Gate>;
  const demo = info.data.demoSignIn;
  const hint = demo ? `Demo clinic: sign in as ${demo.accounts.map((a) => `${a.username} (${a.role})`).join(', ')} with the password “${demo.password}”.` : null;
  return <Gate><SignInScreen demoHint={hint} /></Gate>;
}
