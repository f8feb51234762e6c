import { Alert, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PendingSession } from '../../../shared/schemas/session';
import { call, errorMessage } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { ReasonDialog } from '../../components/ReasonDialog';
import { formatDate, formatDateTime } from '../../format';
import { useCan } from '../../session/auth';
import { useClinicalMutation } from '../courses/queries';
import { HiddenHeader } from '../../components/HiddenHeader';

/**
 * Sessions above the prescription a technician saved without a psychiatrist at hand: shown on the
 * course, not counted as delivered, until a psychiatrist signs them from their own sign-in or
 * declines them with a reason.
 */
export function PendingSessionsPanel({ courseId }: { courseId: number }) {
  const can = useCan();
  const pending = useQuery({ queryKey: queryKeys.pendingSessions(courseId), queryFn: () => call('sessions:listPending', { courseId }) });
  const sign = useClinicalMutation('sessions:signPending');
  const decline = useClinicalMutation('sessions:declinePending');
  const [declining, setDeclining] = useState<PendingSession | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!pending.data || pending.data.length === 0) return null;
  const canSign = can('sessions:signPending');
  return (
    <Paper withBorder p="md" data-testid="pending-sessions">
      <Title order={2} size="h4" mb={4}>Waiting for a psychiatrist&apos;s co-signature</Title>
      <Text size="sm" c="dimmed" mb="sm">Not counted as delivered until signed. {canSign ? 'Signing records you as the psychiatrist who authorized it.' : 'A psychiatrist signs or declines them from their own sign-in.'}</Text>
      {error && <Alert color="red" variant="light" role="alert" mb="sm">{error}</Alert>}
      <Table verticalSpacing={4} aria-label="Sessions waiting for co-signature">
        <Table.Thead>
          <Table.Tr><Table.Th>Session date</Table.Th><Table.Th>Entered by</Table.Th><Table.Th>Above the prescription</Table.Th><Table.Th>Reason</Table.Th>{canSign && <HiddenHeader />}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pending.data.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{formatDate(p.sessionDate)} {p.startTime}</Table.Td>
              <Table.Td>{p.enteredByName}<Text size="xs" c="dimmed">{formatDateTime(p.enteredAt)}</Text></Table.Td>
              <Table.Td fz="sm">{p.findings}</Table.Td>
              <Table.Td fz="sm">{p.overrideReason}</Table.Td>
              {canSign && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Button size="compact-sm" loading={sign.isPending} onClick={() => { setError(null); sign.mutateAsync({ pendingId: p.id }).catch((e: unknown) => setError(errorMessage(e))); }}>Sign</Button>
                    <Button size="compact-sm" variant="default" onClick={() => setDeclining(p)}>Decline…</Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ReasonDialog
        opened={declining !== null}
        title="Decline the co-signature"
        intro={<Text size="sm">The session of {declining ? formatDate(declining.sessionDate) : ''} entered by {declining?.enteredByName} stays uncounted, with your reason.</Text>}
        label="Reason"
        submitLabel="Decline"
        errorTitle="Not declined"
        save={(note) => decline.mutateAsync({ pendingId: declining?.id ?? 0, note })}
        saving={decline.isPending}
        onClose={() => setDeclining(null)}
      />
    </Paper>
  );
}
