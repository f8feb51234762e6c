import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { memo } from 'react';
import { useNavigate } from 'react-router';
import { scaleDefinition, scaleDueKindLabels } from '../../../shared/clinical';
import type { TodayItem } from '../../../shared/schemas/session';
import { doneForTheDay, overdueMinutes } from '../../../shared/todayList';
import { formatDate } from '../../format';
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

function TimeCell({ item, now, onChange }: { item: TodayItem; now: string; onChange: (item: TodayItem) => void }) {
  const late = overdueMinutes(item, now);
  return (
    <Stack gap={2} align="flex-start">
      <Group gap={4} wrap="nowrap">
        <Text size="sm" fw={600} ff="monospace">{item.plannedTime ?? '—'}</Text>
        <Button size="compact-xs" variant="subtle" onClick={() => onChange(item)} aria-label={`Change the planned time of ${item.patientName}`}>Change</Button>
      </Group>
      {item.movedForTheDay && <Badge size="xs" variant="outline" color="blue">Today only (usually {item.coursePlannedTime ?? 'no time'})</Badge>}
      {late !== null && <Badge size="xs" color="red" variant="filled" data-testid="overdue">Overdue {late} min</Badge>}
    </Stack>
  );
}

export interface TodayRowProps {
  item: TodayItem;
  /** The row's place in the list (0 first): the virtualizer measures the row by it; a screen reader hears it as row index + 2 (the header is row 1). */
  index: number;
  now: string;
  onChangeTime: (item: TodayItem) => void;
  measure: (element: HTMLTableRowElement | null) => void;
}

/** One course of the day: when, who, where they stand, and the actions. Re-rendered only when its own course changes. */
export const TodayRow = memo(function TodayRow({ item, index, now, onChangeTime, measure }: TodayRowProps) {
  const navigate = useNavigate();
  const done = doneForTheDay(item);
  return (
    <Table.Tr data-testid={`today-${item.mrn}`} data-index={index} aria-rowindex={index + 2} ref={measure}>
      <Table.Td><TimeCell item={item} now={now} onChange={onChangeTime} /></Table.Td>
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
});
