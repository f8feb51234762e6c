import { Anchor, Badge, Checkbox, Group, MultiSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type CourseStatus, courseStatuses, courseStatusLabels } from '../../../shared/schemas/course';
import type { DashboardFiltersInput, DashboardRow } from '../../../shared/schemas/dashboard';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';
import { useProtocols } from '../protocols/queries';
import { useStaffList } from '../staff/queries';
import { CohortTrajectoryChart, RatesByProtocolChart } from './CohortCharts';

const ROW_LIMIT = 500;

function yesNo(value: boolean | null) {
  if (value === null) return <Text size="xs" c="dimmed">—</Text>;
  return <Badge size="sm" variant={value ? 'filled' : 'outline'} color={value ? 'teal' : 'gray'}>{value ? 'Yes' : 'No'}</Badge>;
}

function Flags({ row }: { row: DashboardRow }) {
  return (
    <Group gap={4}>
      {row.item9Open > 0 && <Badge size="xs" color="red" variant="filled">Item 9 open</Badge>}
      {row.adverseEvents > 0 && <Badge size="xs" color="red" variant="outline">{row.adverseEvents} adverse event(s)</Badge>}
      {row.worsening && <Badge size="xs" color="orange" variant="outline">Worse ≥ 5</Badge>}
    </Group>
  );
}

export function DashboardScreen() {
  const [statuses, setStatuses] = useState<CourseStatus[]>([]);
  const [protocolIds, setProtocolIds] = useState<string[]>([]);
  const [prescriberIds, setPrescriberIds] = useState<string[]>([]);
  const [startFrom, setStartFrom] = useState('');
  const [startTo, setStartTo] = useState('');
  const protocols = useProtocols(true);
  const staff = useStaffList(true);
  const filters: DashboardFiltersInput = {
    statuses,
    protocolLineageIds: protocolIds.map(Number),
    prescriberIds: prescriberIds.map(Number),
    startFrom: startFrom || null,
    startTo: startTo || null,
  };
  const rows = useQuery({ queryKey: queryKeys.dashboard('courses', filters), queryFn: () => call('dashboard:courses', filters), placeholderData: keepPreviousData, staleTime: 0 });
  const cohort = useQuery({ queryKey: queryKeys.dashboard('cohort', filters), queryFn: () => call('dashboard:cohort', filters), placeholderData: keepPreviousData, staleTime: 0 });
  const lineages = [...new Map((protocols.data ?? []).filter((p) => p.status === 'current').map((p) => [p.lineageId, p.name])).entries()];
  const shown = rows.data?.slice(0, ROW_LIMIT) ?? [];

  return (
    <Stack gap="md">
      <Title order={2}>Outcomes dashboard</Title>
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md">
          <Checkbox.Group label="Status" value={statuses} onChange={(v) => setStatuses(v as CourseStatus[])}>
            <Group gap="sm" mt={6}>
              {courseStatuses.map((s) => <Checkbox key={s} value={s} label={courseStatusLabels[s]} />)}
            </Group>
          </Checkbox.Group>
          <MultiSelect label="Protocol" placeholder="All" w={230} data={lineages.map(([id, name]) => ({ value: String(id), label: name }))} value={protocolIds} onChange={setProtocolIds} clearable />
          <MultiSelect label="Psychiatrist" placeholder="All" w={170} data={(staff.data ?? []).filter((s) => s.role === 'psychiatrist').map((s) => ({ value: String(s.id), label: s.name }))} value={prescriberIds} onChange={setPrescriberIds} clearable />
          <TextInput w={150} label="Started from" type="date" value={startFrom} onChange={(e) => setStartFrom(e.currentTarget.value)} />
          <TextInput w={150} label="to" type="date" value={startTo} onChange={(e) => setStartTo(e.currentTarget.value)} />
        </Group>
      </Paper>
      <ErrorNotice error={rows.error ?? cohort.error} />
      {cohort.data && (
        <Paper withBorder p="md">
          <Title order={4}>Cohort</Title>
          <Text size="sm" c="dimmed" data-testid="cohort-included">
            {cohort.data.includedCourses} course(s) with a baseline PHQ-9 of 10 or more and a later PHQ-9 are included;
            {' '}{cohort.data.excludedCourses} other(s) are not (no outcome yet, or a baseline below 10).
          </Text>
          {cohort.data.includedCourses > 0 ? (
            <SimpleGrid cols={2} mt="sm">
              <CohortTrajectoryChart cohort={cohort.data} width={580} height={300} />
              <RatesByProtocolChart cohort={cohort.data} width={580} height={300} />
            </SimpleGrid>
          ) : (
            <Text size="sm" mt="sm">Nothing to chart yet for these filters.</Text>
          )}
        </Paper>
      )}
      {rows.isPending && <Loading />}
      {rows.data && (
        <Paper withBorder>
          <Table verticalSpacing={4} striped highlightOnHover aria-label="Courses" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th><Table.Th>Protocol</Table.Th><Table.Th>Status</Table.Th><Table.Th>Start</Table.Th><Table.Th ta="right">Sessions</Table.Th>
                <Table.Th ta="right">Baseline</Table.Th><Table.Th ta="right">Latest</Table.Th><Table.Th ta="right">% change</Table.Th><Table.Th>Response</Table.Th><Table.Th>Remission</Table.Th><Table.Th>Flags</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <Table.Tr key={r.courseId} data-testid={`dashboard-${r.mrn}`}>
                  <Table.Td><Anchor component={Link} to={`/courses/${r.courseId}`} fw={600} size="sm">{r.patientName}</Anchor> <Text span size="xs" c="dimmed">{r.mrn}</Text></Table.Td>
                  <Table.Td>{r.protocolName}<Text size="xs" c="dimmed">{r.prescriberName}</Text></Table.Td>
                  <Table.Td>{courseStatusLabels[r.status]}</Table.Td>
                  <Table.Td>{formatDate(r.startDate)}</Table.Td>
                  <Table.Td ta="right">{r.sessionsDone}/{r.plannedSessions}</Table.Td>
                  <Table.Td ta="right">{r.baseline ?? '—'}</Table.Td>
                  <Table.Td ta="right">{r.latest ?? '—'}</Table.Td>
                  <Table.Td ta="right">{r.percentChange === null ? '—' : `${r.percentChange > 0 ? '+' : ''}${r.percentChange.toFixed(1)}%`}</Table.Td>
                  <Table.Td>{yesNo(r.response)}</Table.Td>
                  <Table.Td>{yesNo(r.remission)}</Table.Td>
                  <Table.Td><Flags row={r} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" p="xs" data-testid="dashboard-count">
            {rows.data.length > ROW_LIMIT ? `Showing the newest ${ROW_LIMIT} of ${rows.data.length} courses; narrow the filters to see others.` : `${rows.data.length} course(s)`}
          </Text>
        </Paper>
      )}
    </Stack>
  );
}
