import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { changePasswordInput } from '../../../shared/schemas/auth';
import { PASSWORD_MIN_LENGTH } from '../../../shared/schemas/credentials';
import { call } from '../../api/client';
import { applyServerError } from '../../api/formErrors';
import { CenteredCard } from '../../components/CenteredCard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAuth } from '../../session/auth';

type ChangePassword = z.input<typeof changePasswordInput>;

/** After a one-time password: the person chooses their own before anything else opens. */
export function ChangePasswordScreen() {
  const { owner, signedIn, signOut } = useAuth();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ChangePassword>({ resolver: zodResolver(changePasswordInput), defaultValues: { currentPassword: '', newPassword: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      signedIn(await call('auth:changePassword', values));
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ['currentPassword', 'newPassword']));
    }
  });
  return (
    <CenteredCard
      title="Choose your password"
      subtitle={`${owner?.name ?? 'You'} signed in with a one-time password. Choose your own (at least ${PASSWORD_MIN_LENGTH} characters) to continue; nobody else will know it.`}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <PasswordInput label="One-time or current password" autoComplete="current-password" autoFocus {...form.register('currentPassword')} error={errors.currentPassword?.message} />
          <PasswordInput label="New password" autoComplete="new-password" {...form.register('newPassword')} error={errors.newPassword?.message} />
          <ErrorNotice error={formError} title="Password not changed" />
          <Button type="submit" loading={isSubmitting}>Save password and continue</Button>
          <Button variant="subtle" onClick={() => void signOut()}>Sign out</Button>
        </Stack>
      </form>
    </CenteredCard>
  );
}
