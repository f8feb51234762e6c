import { Badge, Button, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { scaleDefinition, scaleDueKindLabels } from '../../../shared/clinical';
import { localIsoDate } from '../../../shared/dates';
import type { TodayItem } from '../../../shared/schemas/session';
import { doneForTheDay, filterToday, noTodayFilter, overdueMinutes, type TodayFilter } from '../../../shared/todayList';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';
import { useToday } from '../courses/queries';
import { WARNING_COLOR } from '../../app/theme';
import { PlannedTimeDialog } from './PlannedTimeDialog';
import { TodayFilters } from './TodayFilters';

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

function AssessmentsDueCell({ item }: { item: TodayItem }) {
  const navigate = useNavigate();
  if (item.assessmentsDue.length === 0) return <Text size="xs" c="dimmed">Up to date</Text>;
  return (
    <Stack gap={4} align="flex-start">
      {item.assessmentsDue.map((due) => {
        const name = scaleDefinition(due.scale).name;
        return (
          // A button, not a badge: it is an action (open the scale's form), reachable by keyboard, and never truncated.
          <Button
            key={due.scale}
            size="compact-xs"
            color={WARNING_COLOR}
            variant={due.status === 'overdue' ? 'filled' : 'outline'}
            title={due.lastOn ? `Last ${name}: ${formatDate(due.lastOn)}` : `No ${name} yet`}
            onClick={() => navigate(`/patients/${item.patientId}/assessments/${due.scale}/new`, { state: { returnTo: '/today' } })}
          >
            {name} {scaleDueKindLabels[due.what]} {due.status}
          </Button>
        );
      })}
    </Stack>
  );
}

function timeNow(now: Date): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

function TimeCell({ item, now, onChange }: { item: TodayItem; now: string; onChange: () => void }) {
  const late = overdueMinutes(item, now);
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600} ff="monospace">{item.plannedTime ?? '—'}</Text>
        <Button size="compact-xs" variant="subtle" onClick={onChange} aria-label={`Change the planned time of ${item.patientName}`}>Change</Button>
      </Group>
      {item.movedForTheDay && <Badge size="xs" variant="outline" color="blue">Today only (usually {item.coursePlannedTime ?? 'no time'})</Badge>}
      {late !== null && <Badge size="xs" color="red" variant="filled" data-testid="overdue">Overdue {late} min</Badge>}
    </Stack>
  );
}

/** The technician's day: whom to treat next, in planned order, with what they need to know before starting. */
export function TodayScreen() {
  const navigate = useNavigate();
  const clock = new Date();
  const today = localIsoDate(clock);
  const now = timeNow(clock);
  const list = useToday(today);
  const [filter, setFilter] = useState<TodayFilter>(noTodayFilter);
  const [changing, setChanging] = useState<TodayItem | null>(null);
  const items = list.data ?? [];
  const shown = filterToday(items, filter, now);
  const toDo = items.filter((i) => !doneForTheDay(i)).length;
  const overdue = items.filter((i) => overdueMinutes(i, now) !== null).length;
  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">Today</Title>
        <Text c="dimmed" size="sm" data-testid="today-summary">
          {formatDate(today)} · {toDo} of {items.length} course(s) still to treat today{overdue > 0 ? ` · ${overdue} overdue` : ''}
        </Text>
      </div>
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} title="Could not load today's list" />
      {list.isSuccess && items.length === 0 && (
        <Text c="dimmed" data-testid="empty-state">No active courses. Prescribe a course from a patient's page to see it here.</Text>
      )}
      {items.length > 0 && <TodayFilters items={items} filter={filter} onChange={setFilter} />}
      {items.length > 0 && shown.length === 0 && (
        <Text c="dimmed" data-testid="empty-state">No course today matches these filters. Clear a filter to see more.</Text>
      )}
      {shown.length > 0 && (
        <Table withTableBorder verticalSpacing={6} aria-label="Today's courses" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Protocol</Table.Th>
              <Table.Th>Next</Table.Th>
              <Table.Th>Last session</Table.Th>
              <Table.Th>Motor threshold</Table.Th>
              <Table.Th>Assessments</Table.Th>
              <Table.Th>Today</Table.Th>
              <Table.Th><VisuallyHidden>Actions</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((item) => {
              const done = doneForTheDay(item);
              return (
                <Table.Tr key={item.courseId} data-testid={`today-${item.mrn}`}>
                  <Table.Td><TimeCell item={item} now={now} onChange={() => setChanging(item)} /></Table.Td>
                  <Table.Td>
                    <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>{item.patientName}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">{item.mrn}</Text>
                    {item.reviewRequired && <Badge size="xs" color="red">Review required</Badge>}
                    {item.item9Open && <Badge size="xs" color="red" variant="filled" ml={4}>Item 9 alert</Badge>}
                  </Table.Td>
                  <Table.Td><Text size="sm">{item.protocolName}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>Session {item.nextSessionNumber} of {item.plannedSessions}</Text>
                    {item.nextSessionNumber > item.authorizedSessions && <Badge size="xs" color={WARNING_COLOR} variant="outline">Beyond authorization</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{item.lastSessionDate ? formatDate(item.lastSessionDate) : 'First session'}</Text>
                    {item.daysSinceLastSession !== null && (
                      <Text size="xs" c={item.daysSinceLastSession > 3 ? WARNING_COLOR : 'dimmed'}>
                        {item.daysSinceLastSession} day(s) ago{item.lastTechnicianName ? ` · ${item.lastTechnicianName}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td><MtCell item={item} /></Table.Td>
                  <Table.Td><AssessmentsDueCell item={item} /></Table.Td>
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
      {changing && <PlannedTimeDialog target={changing} date={today} onClose={() => setChanging(null)} />}
    </Stack>
  );
}
