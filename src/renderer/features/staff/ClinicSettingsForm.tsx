import { Button, Checkbox, Group, NumberInput, Paper, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type DateFormat, localeDateFormat } from '../../../shared/dateFormat';
import type { ClinicSettings } from '../../../shared/schemas/settings';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { DateFormatSelect } from '../../components/DateFormatSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';

/** The clinic's name and address (printed at the top of every report), its date format, the lock time and who manages staff. */
export function ClinicSettingsForm() {
  const settings = useQuery({ queryKey: ['settings'], queryFn: () => call('settings:get', {}) });
  if (!settings.data) return <ErrorNotice error={settings.error} />;
  return <ClinicSettingsFields initial={settings.data} />;
}

/** A new date format re-draws every screen (this form included): "Saved." outlives that. */
let savedBeforeRedraw = false;

function ClinicSettingsFields({ initial }: { initial: ClinicSettings }) {
  const client = useQueryClient();
  const save = useMutation({ mutationFn: (values: ClinicSettings) => call('settings:update', values) });
  const { formError, run, errorFor } = useServerForm();
  const [name, setName] = useState(initial.clinicName);
  const [address, setAddress] = useState(initial.clinicAddress);
  const [lockAfter, setLockAfter] = useState<number | string>(initial.lockAfterMinutes);
  const [psychiatristsManage, setPsychiatristsManage] = useState(initial.psychiatristsManageStaff);
  const [dateFormat, setDateFormat] = useState<DateFormat>(initial.dateFormat);
  const [saved, setSaved] = useState(() => {
    const was = savedBeforeRedraw;
    savedBeforeRedraw = false;
    return was;
  });
  const submit = async () => {
    setSaved(false);
    const values = { clinicName: name, clinicAddress: address, lockAfterMinutes: lockAfter === '' ? Number.NaN : Number(lockAfter), psychiatristsManageStaff: psychiatristsManage, dateFormat };
    if (await run(() => save.mutateAsync(values), { ...values, lockAfterMinutes: String(lockAfter), psychiatristsManageStaff: String(psychiatristsManage) })) {
      setSaved(true);
      savedBeforeRedraw = values.dateFormat !== initial.dateFormat;
      await Promise.all([client.invalidateQueries({ queryKey: ['settings'] }), client.invalidateQueries({ queryKey: queryKeys.authSession })]);
    }
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate aria-label="Clinic">
        <Title order={2} size="h4" mb="sm">Clinic</Title>
        <Group align="flex-start">
          <TextInput label="Clinic name (on reports)" w={300} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errorFor('clinicName', name)} />
          <TextInput label="Address and phone (on reports)" w={380} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={errorFor('clinicAddress', address)} />
        </Group>
        <Group align="flex-start" mt="sm">
          <DateFormatSelect value={dateFormat} onChange={setDateFormat} error={errorFor('dateFormat', dateFormat)} localeDefault={localeDateFormat(navigator.language)} />
        </Group>
        <Group align="flex-end" mt="sm">
          <NumberInput
            label="Lock the screen after (minutes without input)"
            w={300}
            min={1}
            max={60}
            value={lockAfter}
            onChange={setLockAfter}
            error={errorFor('lockAfterMinutes', String(lockAfter))}
          />
          <Checkbox
            mb={8}
            label="Psychiatrists may manage staff"
            checked={psychiatristsManage}
            onChange={(e) => setPsychiatristsManage(e.currentTarget.checked)}
            error={errorFor('psychiatristsManageStaff', String(psychiatristsManage))}
          />
          <Button type="submit" loading={save.isPending}>Save</Button>
        </Group>
        {saved && <Text size="sm" c="teal.9">Saved.</Text>}
        <ErrorNotice error={formError} title="Not saved" />
      </form>
    </Paper>
  );
}
