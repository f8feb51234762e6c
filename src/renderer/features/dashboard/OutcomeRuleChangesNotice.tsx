import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ShownOutcome } from '../../../shared/schemas/outcomeRuleChange';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCan } from '../../session/auth';
import { useClinicalMutation } from '../courses/queries';

function describe(o: ShownOutcome): string {
  if (!o.baseline) return 'no baseline';
  if (!o.latest) return `baseline ${o.baseline.total}, no later score`;
  const result = o.response === null ? 'not rated' : [o.response ? 'response' : 'no response', o.remission ? 'remission' : 'no remission'].join(', ');
  return `${o.baseline.total} → ${o.latest.total} (${result})`;
}

/**
 * Shown to each psychiatrist until they mark it seen: the courses whose outcome changed when
 * assessments were linked to courses by date windows instead of the course open when typed.
 */
export function OutcomeRuleChangesNotice() {
  const can = useCan();
  const allowed = can('outcomeRuleChanges:listUnseen');
  const changes = useQuery({ queryKey: queryKeys.outcomeRuleChanges, queryFn: () => call('outcomeRuleChanges:listUnseen', {}), enabled: allowed });
  const markSeen = useClinicalMutation('outcomeRuleChanges:markSeen');
  if (!allowed || !changes.data || changes.data.length === 0) return <ErrorNotice error={changes.error} />;
  const list = changes.data;
  return (
    <Alert color="blue" variant="light" title={`${list.length} course outcome(s) changed with the new assessment rules`} data-testid="outcome-rule-changes">
      <Text size="sm" mb="xs">
        PHQ-9s are now linked to courses by date: the baseline is the last one from 30 days before the first session (the earliest session by date) up to
        that day, the end of treatment the last one up to 7 days after the last session; later ones are follow-ups. Response and remission are rated only
        from a baseline of 10 or more. These courses read differently from before:
      </Text>
      <Table verticalSpacing={2} fz="sm" aria-label="Course outcomes changed by the new rules">
        <Table.Thead>
          <Table.Tr><Table.Th>Patient</Table.Th><Table.Th>Protocol</Table.Th><Table.Th>Before</Table.Th><Table.Th>Now</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.map((c) => (
            <Table.Tr key={c.id} data-testid={`outcome-rule-change-${c.mrn}`}>
              <Table.Td><Anchor component={Link} to={`/courses/${c.courseId}`} size="sm">{c.patientName}</Anchor> <Text span size="xs" c="dimmed">{c.mrn}</Text></Table.Td>
              <Table.Td>{c.protocolName}</Table.Td>
              <Table.Td>{describe(c.before)}</Table.Td>
              <Table.Td fw={600}>{describe(c.after)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ErrorNotice error={markSeen.error} />
      <Group justify="flex-end" mt="xs">
        <Button size="compact-sm" onClick={() => markSeen.mutate({ ids: list.map((c) => c.id) })} loading={markSeen.isPending}>Mark as seen</Button>
      </Group>
    </Alert>
  );
}
