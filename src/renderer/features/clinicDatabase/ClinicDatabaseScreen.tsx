import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ServerForm } from './ServerForm';

/** Administrators: where this workstation's clinic lives (this computer or the clinic server), and switching it. */
export function ClinicDatabaseScreen() {
  const status = useQuery({ queryKey: ['clinicDatabase:get'], queryFn: () => call('clinicDatabase:get', {}) });
  if (status.isPending) return <Loading />;
  if (!status.data) return <ErrorNotice error={status.error} />;
  const { running, localClinic } = status.data;
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">Clinic database</Title>
      <Paper withBorder p="md" aria-label="Where the data lives now">
        <Text fw={600}>Where this workstation's data lives now</Text>
        <Text size="sm" data-testid="running-location">
          {running.engine === 'sqlite' ? `On this computer: ${running.location}` : `On the clinic server: ${running.location}`}
        </Text>
        {running.engine === 'postgres' && localClinic && (
          <Text size="sm" c="dimmed">This computer also has its own clinic file ({localClinic.patients} {localClinic.patients === 1 ? 'patient' : 'patients'}), not in use.</Text>
        )}
        <Text size="sm" c="dimmed" mt={4}>
          A clinic with several computers keeps one record on a PostgreSQL server its IT runs; each workstation connects to it here. This is a setting of this
          computer only; the server's password is kept in this computer's protected storage, never in plain text.
        </Text>
      </Paper>
      <Paper withBorder p="md">
        <ServerForm status={status.data} />
      </Paper>
    </Stack>
  );
}
