import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type PlannedScale, scaleDefinition, type ScaleDue, scaleDue, scaleDueKindLabels, type ScaleId, scaleIds, type ScaleSchedule, scaleScheduleLabels, scaleSchedules } from '../../../shared/clinical';
import { localIsoDate } from '../../../shared/dates';
import type { Assessment } from '../../../shared/schemas/assessment';
import type { CourseDetail } from '../../../shared/schemas/course';
import { call, errorMessage } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCan } from '../../session/auth';
import { HiddenHeader } from '../../components/HiddenHeader';


export function DueBadge({ due }: { due: ScaleDue }) {
  if (!due) return <Badge color="gray" variant="outline">Up to date</Badge>;
  return <Badge color={due.status === 'overdue' ? 'red' : 'yellow'} c={due.status === 'overdue' ? undefined : 'dark'} variant="filled">{scaleDueKindLabels[due.what]} {due.status}</Badge>;
}

function PlanEditor({ courseId, plan, onDone }: { courseId: number; plan: PlannedScale[]; onDone(): void }) {
  const client = useQueryClient();
  const [rows, setRows] = useState<PlannedScale[]>(plan);
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('coursePlans:set', { courseId, plan: rows }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.clinical }).then(onDone),
    onError: (e: unknown) => setError(errorMessage(e)),
  });
  const unused = scaleIds.filter((s) => !rows.some((r) => r.scale === s));
  return (
    <Stack gap="xs">
      {rows.map((r, i) => (
        <Group key={r.scale} gap="xs">
          <Text w={90} fw={600}>{scaleDefinition(r.scale).name}</Text>
          <NativeSelect aria-label={`How often: ${scaleDefinition(r.scale).name}`} size="xs" value={r.schedule} w={280}
            data={scaleSchedules.map((s) => ({ value: s, label: scaleScheduleLabels[s] }))}
            onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, schedule: e.currentTarget.value as ScaleSchedule } : x)))} />
          <Button size="compact-xs" variant="subtle" color="gray" disabled={rows.length === 1} onClick={() => setRows(rows.filter((_, j) => j !== i))}>Remove</Button>
        </Group>
      ))}
      {unused.length > 0 && (
        <NativeSelect aria-label="Add a scale" size="xs" w={220} value=""
          data={[{ value: '', label: 'Add a scale…' }, ...unused.map((s) => ({ value: s, label: scaleDefinition(s).name }))]}
          onChange={(e) => {
            const scale = e.currentTarget.value as ScaleId;
            if (scale) setRows([...rows, { scale, schedule: scaleDefinition(scale).rater === 'clinician' ? 'baseline_mid_end' : 'weekly' }]);
          }} />
      )}
      <ErrorNotice error={error} title="Plan not saved" />
      <Group gap="xs">
        <Button size="compact-sm" onClick={() => save.mutate()} loading={save.isPending}>Save plan</Button>
        <Button size="compact-sm" variant="default" onClick={onDone}>Cancel</Button>
      </Group>
    </Stack>
  );
}

/** Which scales the course follows, how often, and which are due or overdue today; psychiatrists change the plan. */
export function CoursePlanPanel({ detail, assessments }: { detail: CourseDetail; assessments: Assessment[] | undefined }) {
  const navigate = useNavigate();
  const canSet = useCan()('coursePlans:set');
  const [editing, setEditing] = useState(false);
  const plan = useQuery({ queryKey: ['clinical', 'coursePlan', detail.course.id], queryFn: () => call('coursePlans:get', { courseId: detail.course.id }) });
  const today = localIsoDate(new Date());
  const open = detail.course.status === 'planned' || detail.course.status === 'active';
  return (
    <Paper withBorder p="md" data-testid="course-plan">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">Measurement plan{plan.data?.isDefault ? ' (default)' : ''}</Title>
        {canSet && !editing && open && <Button size="compact-sm" variant="default" onClick={() => setEditing(true)}>Change plan</Button>}
      </Group>
      <ErrorNotice error={plan.error} />
      {plan.data && editing && <PlanEditor courseId={detail.course.id} plan={plan.data.plan} onDone={() => setEditing(false)} />}
      {plan.data && !editing && (
        <Table verticalSpacing={4} aria-label="Measurement plan">
          <Table.Thead><Table.Tr><Table.Th>Scale</Table.Th><Table.Th>How often</Table.Th><Table.Th>Today</Table.Th><HiddenHeader /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {plan.data.plan.map((p) => {
              const due = assessments && open
                ? scaleDue({
                    schedule: p.schedule,
                    sessionsDone: detail.sessions.length,
                    plannedSessions: detail.course.plannedSessions,
                    firstSessionOn: detail.firstSessionDate,
                    assessedOn: assessments.filter((a) => a.scale === p.scale && !a.enteredInError).map((a) => a.assessedOn),
                    today,
                  })
                : null;
              return (
                <Table.Tr key={p.scale} data-testid={`plan-${p.scale}`}>
                  <Table.Td fw={600}>{scaleDefinition(p.scale).name}</Table.Td>
                  <Table.Td fz="sm">{scaleScheduleLabels[p.schedule]}</Table.Td>
                  <Table.Td>{open ? <DueBadge due={due} /> : <Text size="sm" c="dimmed">Course ended</Text>}</Table.Td>
                  <Table.Td>
                    {due && (
                      <Button size="compact-xs" variant="light" onClick={() => navigate(`/patients/${detail.patient.id}/assessments/${p.scale}/new`, { state: { returnTo: `/courses/${detail.course.id}` } })}>
                        Record {scaleDefinition(p.scale).name} now
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
