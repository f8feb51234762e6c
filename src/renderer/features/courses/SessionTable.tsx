import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SessionRow } from '../../../shared/schemas/session';
import { formatDate } from '../../format';
import { WARNING_COLOR } from '../../app/theme';
import { HiddenHeader } from '../../components/HiddenHeader';

/** Every session of a course, one row each, with what was delivered and what happened. */
export function SessionTable({ sessions, canCorrect }: { sessions: SessionRow[]; canCorrect: boolean }) {
  return (
    <Table verticalSpacing={4} striped aria-label="Sessions" fz="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>Date</Table.Th>
          <Table.Th>Technician</Table.Th>
          <Table.Th>Coil position</Table.Th>
          <Table.Th ta="right">%MT</Table.Th>
          <Table.Th ta="right">%MSO</Table.Th>
          <Table.Th ta="right">Trains</Table.Th>
          <Table.Th ta="right">Pulses</Table.Th>
          <Table.Th>Side effects / events</Table.Th>
          <HiddenHeader />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td fw={600}>{s.sessionNumber}</Table.Td>
            <Table.Td>{formatDate(s.sessionDate)} <Text span c="dimmed" size="xs">{s.startTime}</Text></Table.Td>
            <Table.Td>{s.technicianName}</Table.Td>
            <Table.Td><Text size="xs">{s.positionSummary}</Text></Table.Td>
            <Table.Td ta="right">{s.intensityPctMt}</Table.Td>
            <Table.Td ta="right" title={`Dosed from the ${s.rmtPctMso}% MSO threshold`}>{s.intensityPctMso}</Table.Td>
            <Table.Td ta="right">{s.trainsDelivered}/{s.trainsPlanned}</Table.Td>
            <Table.Td ta="right" ff="monospace">{s.pulsesDelivered}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {s.partial && <Badge size="xs" color={WARNING_COLOR} variant="outline">Partial</Badge>}
                {s.thresholdFlags.stale && <Badge size="xs" color={WARNING_COLOR} variant="outline">MT {s.thresholdFlags.ageDays} days old</Badge>}
                {s.thresholdFlags.visual && <Badge size="xs" color={WARNING_COLOR} variant="outline">Visual MT</Badge>}
                {s.thresholdFlags.otherCoil && <Badge size="xs" color={WARNING_COLOR} variant="outline">MT with another coil</Badge>}
                {s.interruptions > 0 && <Badge size="xs" color="gray" variant="outline">{s.interruptions} interruption(s)</Badge>}
                {s.overrideByName && <Badge size="xs" color="grape" variant="outline" title={s.overrideReason ?? ''}>Override: {s.overrideByName}</Badge>}
                {s.adverseEventsSummary && <Badge size="xs" color="red" variant="filled">{s.adverseEventsSummary}</Badge>}
                {s.version > 0 && <Badge size="xs" color="blue" variant="light">Corrected</Badge>}
              </Group>
              {s.sideEffectsSummary && <Text size="xs">{s.sideEffectsSummary}</Text>}
            </Table.Td>
            <Table.Td>
              {canCorrect && <Anchor component={Link} to={`/courses/${s.courseId}/sessions/${s.id}/correct`} size="xs">Correct</Anchor>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
