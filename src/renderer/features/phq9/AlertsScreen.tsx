import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Phq9Alert } from '../../../shared/schemas/phq9';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';
import { AcknowledgeItem9Dialog } from './AcknowledgeItem9Dialog';
import { Item9Cell } from './Phq9Panel';
import { useItem9Alerts } from './queries';
import { SeverityBadge } from './SeverityBadge';

export function AlertsScreen() {
  const alerts = useItem9Alerts();
  const [open, setOpen] = useState<Phq9Alert | null>(null);
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">Item-9 alerts</Title>
      <Text size="sm" c="dimmed">Every PHQ-9 with a positive item 9 stays here until a staff member records what was done.</Text>
      {alerts.isPending && <Loading />}
      <ErrorNotice error={alerts.error} />
      {alerts.data?.length === 0 && <Text c="dimmed" data-testid="empty-state">No open alerts.</Text>}
      {alerts.data && alerts.data.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing={6} aria-label="Open item-9 alerts">
            <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Patient</Table.Th><Table.Th>PHQ-9</Table.Th><Table.Th>Item 9</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {alerts.data.map((a) => (
                <Table.Tr key={a.assessment.id}>
                  <Table.Td>{formatDate(a.assessment.assessedOn)}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/patients/${a.assessment.patientId}`} fw={600}>{a.patientName}</Anchor> <Text span size="xs" c="dimmed" ff="monospace">{a.mrn}</Text></Table.Td>
                  <Table.Td><SeverityBadge total={a.assessment.total} severity={a.assessment.severity} /></Table.Td>
                  <Table.Td><Item9Cell assessment={a.assessment} onAcknowledge={() => setOpen(a)} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <AcknowledgeItem9Dialog assessment={open?.assessment ?? null} patientName={open?.patientName ?? ''} onClose={() => setOpen(null)} />
    </Stack>
  );
}
