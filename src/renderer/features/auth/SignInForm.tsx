import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { type Credentials, credentials } from '../../../shared/schemas/credentials';
import { call, errorMessage } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAuth } from '../../session/auth';

/** Username and password; on success the auth layer decides what opens (same person: where they were). */
export function SignInForm({ username = '' }: { username?: string }) {
  const { signedIn } = useAuth();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Credentials>({ resolver: zodResolver(credentials), defaultValues: { username, password: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      signedIn(await call('auth:signIn', values));
    } catch (error) {
      // One message for the form (incorrect, or locked and for how long); which part was wrong is not said.
      form.setValue('password', '');
      form.setFocus('password');
      setFormError(errorMessage(error));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label="Username" autoComplete="username" autoFocus={!username} {...form.register('username')} error={errors.username?.message} />
        <PasswordInput label="Password" autoComplete="current-password" autoFocus={Boolean(username)} {...form.register('password')} error={errors.password?.message} />
        <ErrorNotice error={formError} title="Not signed in" />
        <Button type="submit" loading={isSubmitting}>Sign in</Button>
      </Stack>
    </form>
  );
}
