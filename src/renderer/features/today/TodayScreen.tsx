import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { localIsoDate } from '../../../shared/dates';
import type { TodayItem } from '../../../shared/schemas/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';
import { useToday } from '../courses/queries';
import { WARNING_COLOR } from '../../app/theme';

function MtCell({ item }: { item: TodayItem }) {
  if (!item.mt) return <Badge color="red" variant="light">No MT</Badge>;
  return (
    <Group gap={4}>
      <Text size="sm">{item.mt.rmtPctMso}% MSO</Text>
      <Text size="xs" c="dimmed">{item.mt.ageDays === 0 ? 'today' : `${item.mt.ageDays} d ago`}</Text>
      {item.mt.stale && <Badge size="xs" color={WARNING_COLOR} variant="outline">Re-measure (&gt; 7 d)</Badge>}
      {item.mt.visual && <Badge size="xs" color={WARNING_COLOR} variant="outline">Visual</Badge>}
    </Group>
  );
}

const phq9DueLabels = { baseline: 'Baseline needed', due: 'Weekly PHQ-9 due', overdue: 'PHQ-9 overdue' } as const;

function Phq9DueCell({ item }: { item: TodayItem }) {
  const navigate = useNavigate();
  return (
    <Group gap={4}>
      {item.phq9Due ? (
        // A button, not a badge: it is an action (open the PHQ-9 form), reachable by keyboard, and never truncated.
        <Button size="compact-xs" color={WARNING_COLOR} variant={item.phq9Due === 'overdue' ? 'filled' : 'outline'} onClick={() => navigate(`/patients/${item.patientId}/phq9/new`, { state: { returnTo: '/' } })}>
          {phq9DueLabels[item.phq9Due]}
        </Button>
      ) : (
        <Text size="xs" c="dimmed">{item.lastPhq9Date ? `Last ${formatDate(item.lastPhq9Date)}` : '—'}</Text>
      )}
    </Group>
  );
}

/** The technician's day: whom to treat next, with what they need to know before starting. */
export function TodayScreen() {
  const navigate = useNavigate();
  const today = localIsoDate(new Date());
  const list = useToday(today);
  const items = list.data ?? [];
  const toDo = items.filter((i) => i.sessionsToday < i.sessionsPerDay).length;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <div>
          <Title order={2}>Today</Title>
          <Text c="dimmed" size="sm">{formatDate(today)} · {toDo} of {items.length} course(s) still to treat today</Text>
        </div>
      </Group>
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} title="Could not load today's list" />
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed" data-testid="empty-state">No active courses. Prescribe a course from a patient's page to see it here.</Text>
      )}
      {items.length > 0 && (
        <Table withTableBorder verticalSpacing={6} aria-label="Today's courses" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Protocol</Table.Th>
              <Table.Th>Next</Table.Th>
              <Table.Th>Last session</Table.Th>
              <Table.Th>Motor threshold</Table.Th>
              <Table.Th>PHQ-9</Table.Th>
              <Table.Th>Today</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => {
              const done = item.sessionsToday >= item.sessionsPerDay;
              return (
                <Table.Tr key={item.courseId} data-testid={`today-${item.mrn}`}>
                  <Table.Td>
                    <Text fw={600} size="sm">{item.patientName}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">{item.mrn}</Text>
                    {item.reviewRequired && <Badge size="xs" color="red">Review required</Badge>}
                    {item.item9Open && <Badge size="xs" color="red" variant="filled" ml={4}>Item 9 alert</Badge>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{item.protocolName}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm">Session {item.nextSessionNumber} of {item.plannedSessions}</Text>
                    {item.nextSessionNumber > item.authorizedSessions && <Badge size="xs" color={WARNING_COLOR} variant="outline">Beyond authorization</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.lastSessionDate ? formatDate(item.lastSessionDate) : 'First session'}</Text>
                    {item.daysSinceLastSession !== null && (
                      <Text size="xs" c={item.daysSinceLastSession > 3 ? WARNING_COLOR : 'dimmed'}>{item.daysSinceLastSession} day(s) ago</Text>
                    )}
                  </Table.Td>
                  <Table.Td><MtCell item={item} /></Table.Td>
                  <Table.Td><Phq9DueCell item={item} /></Table.Td>
                  <Table.Td>
                    {done ? <Badge color="teal" variant="light" miw="max-content">✓ Done</Badge> : <Badge color="gray" variant="outline" miw="max-content">To do{item.sessionsPerDay > 1 ? ` (${item.sessionsToday}/${item.sessionsPerDay})` : ''}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-sm" variant="default" onClick={() => navigate(`/courses/${item.courseId}`)}>Course</Button>
                      {!done && item.mt && (
                        <Button size="compact-sm" onClick={() => navigate(`/courses/${item.courseId}/sessions/new`, { state: { returnTo: '/today' } })} aria-label={`Log session for ${item.patientName}`}>
                          Log session
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
