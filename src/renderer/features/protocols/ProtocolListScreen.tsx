import { Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { describeStimulation, formatDuration } from '../../../shared/clinical';
import type { Protocol } from '../../../shared/schemas/protocol';
import { targetLabels } from '../../../shared/schemas/stimulation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useCan } from '../../session/auth';
import { useProtocols } from './queries';
import { RetireProtocolDialog } from './RetireProtocolDialog';
import { HiddenHeader } from '../../components/HiddenHeader';

export function ProtocolListScreen() {
  const navigate = useNavigate();
  const [showAll, setShowAll] = useState(false);
  const [retiring, setRetiring] = useState<Protocol | null>(null);
  const protocols = useProtocols(showAll);
  const canEdit = useCan()('protocols:create');
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">Protocols</Title>
        {canEdit && <Button onClick={() => navigate('/protocols/new')}>New protocol</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        A course copies its protocol's parameters when it is prescribed. Revising a protocol adds a revision; courses keep theirs.
        {!canEdit && ' Only psychiatrists add or revise protocols.'}
      </Text>
      <Checkbox label="Show superseded and retired revisions" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} />
      {protocols.isPending && <Loading />}
      <ErrorNotice error={protocols.error} />
      {protocols.data && (
        <Table withTableBorder verticalSpacing={6} aria-label="Protocols">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Protocol</Table.Th>
              <Table.Th>Parameters</Table.Th>
              <Table.Th ta="right">Pulses</Table.Th>
              <Table.Th ta="right">Duration</Table.Th>
              <Table.Th>Source</Table.Th>
              {canEdit && <HiddenHeader />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {protocols.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text fw={600}>{p.name}</Text>
                  <Text size="xs" c="dimmed">
                    {targetLabels[p.target]} · {p.coil} · rev. {p.revision}
                    {p.sessionsPerDay > 1 && ` · ${p.sessionsPerDay} sessions a day`}
                  </Text>
                  {p.status !== 'current' && <Badge color="gray" variant="outline" size="xs">{p.status}</Badge>}
                </Table.Td>
                <Table.Td><Text size="sm">{describeStimulation(p)}</Text></Table.Td>
                <Table.Td ta="right" ff="monospace">{p.dose.totalPulses}</Table.Td>
                <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>{formatDuration(p.dose.durationS)}</Table.Td>
                <Table.Td><Text size="xs">{p.reference || '—'}</Text></Table.Td>
                {canEdit && (
                  <Table.Td>
                    {p.status === 'current' && (
                      <Group gap={6} wrap="nowrap">
                        <Button size="compact-sm" variant="default" onClick={() => navigate(`/protocols/${p.id}/revise`)}>Revise</Button>
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRetiring(p)} aria-label={`Retire ${p.name}`}>Retire</Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RetireProtocolDialog protocol={retiring} onClose={() => setRetiring(null)} />
    </Stack>
  );
}
