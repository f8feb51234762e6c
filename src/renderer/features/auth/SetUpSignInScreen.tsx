import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { setUpSignInInput } from '../../../shared/schemas/auth';
import { call } from '../../api/client';
import { applyServerError } from '../../api/formErrors';
import { queryKeys } from '../../app/queryKeys';
import { CenteredCard } from '../../components/CenteredCard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAuth } from '../../session/auth';

type SetUp = z.input<typeof setUpSignInInput>;

/**
 * A clinic's records from before sign-in: its staff exist but nobody has a password. The
 * first administrator or psychiatrist claims a username and password here, then gives everyone
 * else one under Staff.
 */
export function SetUpSignInScreen() {
  const { signedIn } = useAuth();
  const managers = useQuery({ queryKey: [...queryKeys.staff, 'set-up'], queryFn: () => call('app:info', {}) });
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SetUp>({ resolver: zodResolver(setUpSignInInput), defaultValues: { staffId: 0, username: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      signedIn(await call('auth:setUpSignIn', values));
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ['staffId', 'username', 'password']));
    }
  });
  const choices = managers.data?.signInSetupCandidates ?? [];
  return (
    <CenteredCard title="Set up sign-in" subtitle="This version of the app asks everyone to sign in. Choose yourself, then a username and a password; then give each colleague a one-time password under Staff.">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label="You are"
            data={[{ value: '0', label: 'Choose…' }, ...choices.map((c) => ({ value: String(c.id), label: c.name }))]}
            {...form.register('staffId', { valueAsNumber: true })}
            error={errors.staffId?.message}
          />
          <TextInput label="Username" autoComplete="username" {...form.register('username')} error={errors.username?.message} />
          <PasswordInput label="Password" autoComplete="new-password" {...form.register('password')} error={errors.password?.message} />
          <ErrorNotice error={formError ?? managers.error} title="Sign-in not set up" />
          <Button type="submit" loading={isSubmitting}>Set up sign-in</Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
