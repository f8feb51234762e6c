import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { type Credentials, credentials } from '../../../shared/schemas/credentials';
import { AppError, errorMessage } from '../../api/client';

interface Props {
  opened: boolean;
  /** What needs authorizing, as main's safety checks said it. */
  findings: string;
  onCosign(credentials: Credentials): Promise<void>;
  onSavePending(): Promise<void>;
  onClose(): void;
}

/**
 * A psychiatrist authorizes a session above the prescription at the technician's screen, with
 * their own username and password (checked in main, counted towards their lock-out), or the
 * technician saves it as waiting for co-signature.
 */
export function CosignDialog({ opened, findings, onCosign, onSavePending, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm<Credentials>({ resolver: zodResolver(credentials), defaultValues: { username: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await onCosign(values);
      form.reset();
    } catch (e) {
      form.setValue('password', '');
      setError(e instanceof AppError ? (e.fields['cosign.password'] ?? e.fields['cosign.username'] ?? e.message) : errorMessage(e));
    }
  });
  const savePending = async () => {
    setError(null);
    setPending(true);
    try {
      await onSavePending();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Psychiatrist co-signature" closeButtonProps={{ 'aria-label': 'Close' }} size="lg">
      <form onSubmit={submit} noValidate aria-label="Co-signature">
        <Stack gap="sm">
          <Alert color="grape" variant="light" role="note">{findings}</Alert>
          <Text size="sm">The psychiatrist who authorizes this signs with their own username and password. Nothing is saved until they do.</Text>
          <Group grow align="flex-start">
            <TextInput label="Psychiatrist's username" autoComplete="off" data-autofocus {...form.register('username')} error={errors.username?.message} />
            <PasswordInput label="Psychiatrist's password" autoComplete="off" {...form.register('password')} error={errors.password?.message} />
          </Group>
          {error && <Alert color="red" variant="light" role="alert" title="Not co-signed">{error}</Alert>}
          <Group justify="space-between">
            <Button variant="default" onClick={() => void savePending()} loading={pending}>Save as pending co-signature</Button>
            <Group gap="xs">
              <Button variant="subtle" onClick={onClose}>Back to the form</Button>
              <Button type="submit" loading={isSubmitting}>Co-sign and save</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
