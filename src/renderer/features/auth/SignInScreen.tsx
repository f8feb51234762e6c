import { Text } from '@mantine/core';
import { CenteredCard } from '../../components/CenteredCard';
import { DemoBanner } from '../demo/DemoBanner';
import { SignInForm } from './SignInForm';

/** Opens the app: every change from here on is recorded under the person who signs in. */
export function SignInScreen({ demoHint }: { demoHint: string | null }) {
  return (
    <>
      <DemoBanner />
      <CenteredCard title="Sign in" subtitle="Every change you make is recorded under your name.">
        <SignInForm />
        {demoHint && <Text size="sm" data-testid="demo-sign-in-hint">{demoHint}</Text>}
        <Text size="xs" c="dimmed">Forgot your password or locked out? A staff manager can give you a one-time password under Staff.</Text>
      </CenteredCard>
    </>
  );
}
