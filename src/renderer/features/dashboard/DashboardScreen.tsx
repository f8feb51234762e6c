import { Checkbox, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { type CourseStatus, courseStatuses, courseStatusLabels } from '../../../shared/schemas/course';
import type { DashboardFiltersInput } from '../../../shared/schemas/dashboard';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useRenderTiming } from '../../perf/useRenderTiming';
import { useProtocols } from '../protocols/queries';
import { useStaffList } from '../staff/queries';
import { CohortTrajectoryChart, RatesByProtocolChart } from './CohortCharts';
import { CohortRates } from './CohortRates';
import { DashboardTable } from './DashboardTable';
import { OutcomeRuleChangesNotice } from './OutcomeRuleChangesNotice';
import { ClinicDateInput } from '../../components/ClinicDateInput';

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
  // Thousands of rows arrive whole each time: comparing them with the previous answer
  // (react-query's structural sharing) costs more than rendering them, so it is off.
  const rows = useQuery({ queryKey: queryKeys.dashboard('courses', filters), queryFn: () => call('dashboard:courses', filters), placeholderData: keepPreviousData, staleTime: 0, structuralSharing: false });
  const cohort = useQuery({ queryKey: queryKeys.dashboard('cohort', filters), queryFn: () => call('dashboard:cohort', filters), placeholderData: keepPreviousData, staleTime: 0 });
  const lineages = [...new Map((protocols.data ?? []).filter((p) => p.status === 'current').map((p) => [p.lineageId, p.name])).entries()];
  const screen = useRef<HTMLDivElement>(null);
  useRenderTiming('dashboard', screen, '.recharts-line', Boolean(rows.data && cohort.data));

  return (
    <Stack gap="md" ref={screen}>
      <Title order={1} size="h2">Outcomes dashboard</Title>
      <OutcomeRuleChangesNotice />
      <Paper withBorder p="sm">
        <Group align="flex-end" gap="md">
          <Checkbox.Group label="Status" value={statuses} onChange={(v) => setStatuses(v as CourseStatus[])}>
            <Group gap="sm" mt={6}>
              {courseStatuses.map((s) => <Checkbox key={s} value={s} label={courseStatusLabels[s]} />)}
            </Group>
          </Checkbox.Group>
          <MultiSelect label="Protocol" placeholder="All" w={230} data={lineages.map(([id, name]) => ({ value: String(id), label: name }))} value={protocolIds} onChange={setProtocolIds} clearable />
          <MultiSelect label="Psychiatrist" placeholder="All" w={170} data={(staff.data ?? []).filter((s) => s.role === 'psychiatrist').map((s) => ({ value: String(s.id), label: s.name }))} value={prescriberIds} onChange={setPrescriberIds} clearable />
          <ClinicDateInput w={150} label="Started from" value={startFrom} onChange={setStartFrom} />
          <ClinicDateInput w={150} label="to" value={startTo} onChange={setStartTo} />
        </Group>
      </Paper>
      <ErrorNotice error={rows.error ?? cohort.error} />
      {cohort.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h4">Cohort</Title>
          <CohortRates cohort={cohort.data} />
          <Text size="sm" c="dimmed" mt="sm" data-testid="cohort-included">
            Mean PHQ-9 by week: {cohort.data.includedCourses} course(s) with a baseline PHQ-9 of 10 or more and an end-of-treatment PHQ-9;
            {' '}{cohort.data.excludedCourses} other(s) are not included (no outcome yet, or a baseline below 10). Rates by protocol are intention to treat.
          </Text>
          {cohort.data.includedCourses > 0 || cohort.data.intentionToTreat.n > 0 ? (
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
      {rows.data && <DashboardTable rows={rows.data} />}
    </Stack>
  );
}
