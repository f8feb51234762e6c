import { Button, Group, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ClinicSettings } from '../../../shared/schemas/settings';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useActor } from '../../session/actor';

/** The clinic's name and address, printed at the top of every report. */
export function ClinicSettingsForm() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  if (!settings.data) return <ErrorNotice error={settings.error} />;
  return <ClinicSettingsFields initial={settings.data} />;
}

function ClinicSettingsFields({ initial }: { initial: ClinicSettings }) {
  const actor = useActor();
  const client = useQueryClient();
  const save = useMutation({ mutationFn: (values: { clinicName: string; clinicAddress: string }) => call('settings:update', { ...values, actorId: actor.id }) });
  const { formError, run, errorFor } = useServerForm();
  const [name, setName] = useState(initial.clinicName);
  const [address, setAddress] = useState(initial.clinicAddress);
  const [saved, setSaved] = useState(false);
  const submit = async () => {
    setSaved(false);
    if (await run(() => save.mutateAsync({ clinicName: name, clinicAddress: address }), { clinicName: name, clinicAddress: address })) {
      setSaved(true);
      await client.invalidateQueries({ queryKey: ['settings'] });
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate aria-label="Clinic">
        <Title order={4} mb="sm">Clinic (printed on reports)</Title>
        <Group align="flex-start">
          <TextInput label="Clinic name" w={300} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor('clinicName', name)} />
          <TextInput label="Address and phone" w={380} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={errorFor('clinicAddress', address)} />
          <Button type="submit" mt={25} loading={save.isPending}>Save</Button>
        </Group>
        {saved && <Text size="sm" c="teal.9">Saved.</Text>}
        <ErrorNotice error={formError} title="Not saved" />
      </form>
    </Paper>
  );
}
