import { zodResolver } from '@hookform/resolvers/zod';
import { Button, NativeSelect, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { z } from 'zod';
import { localeDateFormat } from '../../../shared/dateFormat';
import { firstStaffFields, staffRoleLabels } from '../../../shared/schemas/staff';
import { applyServerError } from '../../api/formErrors';
import { CenteredCard } from '../../components/CenteredCard';
import { DateFormatSelect } from '../../components/DateFormatSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAuth } from '../../session/auth';
import { DemoClinicOffer } from '../demo/DemoClinicOffer';
import { useCreateFirstStaff } from './queries';

type FirstStaff = z.input<typeof firstStaffFields>;

/** First start on an empty database: the first staff member creates their own account. */
export function FirstRunScreen({ databasePath }: { databasePath: string }) {
  const { signedIn } = useAuth();
  const localeDefault = localeDateFormat(navigator.language);
  const create = useCreateFirstStaff();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<FirstStaff>({ resolver: zodResolver(firstStaffFields), defaultValues: { name: '', username: '', role: 'psychiatrist', password: '', dateFormat: localeDefault } });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      signedIn(await create.mutateAsync(values));
    } catch (error) {
      setFormError(applyServerError(error, form.setError, ['name', 'username', 'role', 'password', 'dateFormat']));
    }
  });

  return (
    <CenteredCard
      title="Welcome — set up your clinic"
      subtitle="Create your own account first. It manages staff: add the technicians and other psychiatrists next."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput label="Your name" placeholder="Dr. Maya Patel" autoFocus {...form.register('name')} error={errors.name?.message} />
          <NativeSelect
            label="Your role"
            data={(['psychiatrist', 'admin'] as const).map((r) => ({ value: r, label: staffRoleLabels[r] }))}
            {...form.register('role')}
            error={errors.role?.message}
          />
          <TextInput label="Username" description="What you type to sign in: letters, digits, dot, dash" autoComplete="username" {...form.register('username')} error={errors.username?.message} />
          <PasswordInput label="Password" description="At least 10 characters; nobody else, not even an administrator, can read it" autoComplete="new-password" {...form.register('password')} error={errors.password?.message} />
          <Controller
            control={form.control}
            name="dateFormat"
            render={({ field }) => <DateFormatSelect value={field.value ?? localeDefault} onChange={field.onChange} error={errors.dateFormat?.message} localeDefault={localeDefault} />}
          />
          <ErrorNotice error={formError} title="Could not create the account" />
          <Button type="submit" loading={create.isPending}>Create account and start</Button>
          <Text size="xs" c="dimmed">Data is stored on this computer in {databasePath}</Text>
        </Stack>
      </form>
      <DemoClinicOffer />
    </CenteredCard>
  );
}
