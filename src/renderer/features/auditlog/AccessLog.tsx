import { Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../format';

/** Administrators: who opened or exported this patient's record, newest first. */
export function AccessLog({ patientId }: { patientId: number }) {
  const log = useQuery({ queryKey: ['audit', 'access', patientId], queryFn: () => call('audit:accessLog', { patientId }) });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">Who looked at this record</Title>
      <ErrorNotice error={log.error} />
      {log.data?.length === 0 && <Text size="sm" c="dimmed">Nobody has opened this record yet.</Text>}
      {log.data && log.data.length > 0 && (
        <Table verticalSpacing={4} aria-label="Record access">
          <Table.Thead><Table.Tr><Table.Th>When</Table.Th><Table.Th>Who</Table.Th><Table.Th>What</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {log.data.slice(0, 200).map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.at)}</Table.Td>
                <Table.Td>{e.staffName}</Table.Td>
                <Table.Td>{e.action === 'export' ? 'Exported' : 'Opened'} {e.entity === 'course' ? `course ${e.entityId}` : 'the patient'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
