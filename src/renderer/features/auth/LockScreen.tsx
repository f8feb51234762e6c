import { Button, Text } from '@mantine/core';
import { CenteredCard } from '../../components/CenteredCard';
import { useAuth } from '../../session/auth';
import { SignInForm } from './SignInForm';

/**
 * Covers the app after the clinic's idle time (or when main signed this window out). What was
 * on screen, unsaved forms included, stays underneath for the same person; anyone else who signs
 * in here starts clean, and the first person's drafts stay theirs.
 */
export function LockScreen() {
  const { owner, signOut } = useAuth();
  return (
    <CenteredCard
      title="Locked"
      subtitle={owner ? `${owner.name}'s screen is locked. Sign in again to continue where you were; nothing you typed is lost.` : undefined}
    >
      <SignInForm username={owner?.username ?? ''} />
      <Text size="sm" c="dimmed">Someone else? Sign in with your own username: you start on a fresh screen.</Text>
      <Button variant="subtle" size="compact-sm" onClick={() => void signOut()}>Sign out {owner?.name ?? ''} instead</Button>
    </CenteredCard>
  );
}
