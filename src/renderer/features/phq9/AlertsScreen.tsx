import { Anchor, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { scaleDefinition } from '../../../shared/clinical';
import type { AssessmentAlert } from '../../../shared/schemas/assessment';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';
import { AcknowledgeSuicideItemDialog } from '../assessments/AcknowledgeSuicideItemDialog';
import { ScaleSeverityBadge } from '../assessments/ScaleSeverityBadge';
import { SuicideItemCell } from '../assessments/SuicideItemCell';
import { useItem9Alerts } from './queries';

export function AlertsScreen() {
  const alerts = useItem9Alerts();
  const [open, setOpen] = useState<AssessmentAlert | null>(null);
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} size="h2">Suicide-item alerts</Title>
      <Text size="sm" c="dimmed">
        Every assessment with a positive suicide item (PHQ-9 item 9, MADRS item 10, HAM-D item 3) stays here until a psychiatrist records what was done.
      </Text>
      {alerts.isPending && <Loading />}
      <ErrorNotice error={alerts.error} />
      {alerts.data?.length === 0 && <Text c="dimmed" data-testid="empty-state">No open alerts.</Text>}
      {alerts.data && alerts.data.length > 0 && (
        <Paper withBorder>
          <Table verticalSpacing={6} aria-label="Open suicide-item alerts">
            <Table.Thead><Table.Tr><Table.Th>Date</Table.Th><Table.Th>Patient</Table.Th><Table.Th>Scale</Table.Th><Table.Th>Total</Table.Th><Table.Th>Suicide item</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {alerts.data.map((a) => (
                <Table.Tr key={a.assessment.id}>
                  <Table.Td>{formatDate(a.assessment.assessedOn)}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/patients/${a.assessment.patientId}`} fw={600}>{a.patientName}</Anchor> <Text span size="xs" c="dimmed" ff="monospace">{a.mrn}</Text></Table.Td>
                  <Table.Td>{scaleDefinition(a.assessment.scale).name}</Table.Td>
                  <Table.Td><ScaleSeverityBadge scale={a.assessment.scale} total={a.assessment.total} /></Table.Td>
                  <Table.Td><SuicideItemCell assessment={a.assessment} onAcknowledge={() => setOpen(a)} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <AcknowledgeSuicideItemDialog assessment={open?.assessment ?? null} patientName={open?.patientName ?? ''} onClose={() => setOpen(null)} />
    </Stack>
  );
}
