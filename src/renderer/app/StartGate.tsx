import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { call } from '../api/client';
import { CenteredCard } from '../components/CenteredCard';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { ChangePasswordScreen } from '../features/auth/ChangePasswordScreen';
import { LockScreen } from '../features/auth/LockScreen';
import { SetUpSignInScreen } from '../features/auth/SetUpSignInScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { FirstRunScreen } from '../features/staff/FirstRunScreen';
import { RecoveryScreen } from '../features/backup/RecoveryScreen';
import { ServerProblemScreen } from '../features/clinicDatabase/ServerProblemScreen';
import { useAuth } from '../session/auth';
import { useIdleLock } from '../session/useIdleLock';
import { setClinicDateFormat } from '../format';
import { queryKeys } from './queryKeys';

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

  if (recovery.data?.state === 'recovery') return <RecoveryScreen status={recovery.data} />;
  if (recovery.data?.state === 'server') return <ServerProblemScreen status={recovery.data} />;
  if (recovery.isPending || info.isPending || (!session && !sessionError)) return <Loading label="Opening the clinic database" />;
  if (info.isError || sessionError) {
    return (
      <CenteredCard title="The database could not be opened">
        <ErrorNotice error={info.error ?? sessionError} />
      </CenteredCard>
    );
  }
  if (owner) {
    if (!locked && session?.mustChangePassword) return <ChangePasswordScreen />;
    return (
      <>
        {locked && <LockScreen />}
        <div key={`${owner.id}:${session?.dateFormat ?? ''}`} hidden={locked} data-testid="app-root">
          {children}
        </div>
      </>
    );
  }
  if (info.data.staffCount === 0) return <FirstRunScreen databasePath={info.data.databasePath} />;
  if (session?.signInSetupNeeded) return <SetUpSignInScreen />;
  const demo = info.data.demoSignIn;
  const hint = demo ? `Demo clinic: sign in as ${demo.accounts.map((a) => `${a.username} (${a.role})`).join(', ')} with the password “${demo.password}”.` : null;
  return <SignInScreen demoHint={hint} />;
}
