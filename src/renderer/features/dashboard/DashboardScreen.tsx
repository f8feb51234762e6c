import { Checkbox, Group, MultiSelect, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { type CourseStatus, courseStatuses, courseStatusLabels } from '../../../shared/schemas/course';
import { scaleDefinition } from '../../../shared/clinical';
import { type DashboardScale, dashboardScale } from '../../../shared/schemas/dashboard';
import { call } from '../../api/client';
import { refetchUnlessJustSeeded } from '../../app/earlyAnswers';
import { queryKeys } from '../../app/queryKeys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useRenderTiming } from '../../perf/useRenderTiming';
import { useProtocols } from '../protocols/queries';
import { useStaffList } from '../staff/queries';
import { CohortTrajectoryChart, RatesByProtocolChart } from './CohortCharts';
import { CohortRates } from './CohortRates';
import { DashboardTable } from './DashboardTable';
import { dashboardFiltersOf, openingFilterFields } from './dashboardReads';
import { OutcomeRuleChangesNotice } from './OutcomeRuleChangesNotice';
import { ClinicDateInput } from '../../components/ClinicDateInput';

export function DashboardScreen() {
  const [scale, setScale] = useState<DashboardScale>(openingFilterFields.scale);
  const [statuses, setStatuses] = useState<CourseStatus[]>(openingFilterFields.statuses);
  const [protocolIds, setProtocolIds] = useState<string[]>(openingFilterFields.protocolIds);
  const [prescriberIds, setPrescriberIds] = useState<string[]>(openingFilterFields.prescriberIds);
  const [startFrom, setStartFrom] = useState(openingFilterFields.startFrom);
  const [startTo, setStartTo] = useState(openingFilterFields.startTo);
  const protocols = useProtocols(true);
  const staff = useStaffList(true);
  // One object while the fields stay the same, so the table (memoized) is not drawn again when another read arrives.
  const filters = useMemo(() => dashboardFiltersOf({ scale, statuses, protocolIds, prescriberIds, startFrom, startTo }), [scale, statuses, protocolIds, prescriberIds, startFrom, startTo]);
  // The figures are computed in main; the course table reads its own pages (DashboardTable).
  const cohort = useQuery({ queryKey: queryKeys.dashboard('cohort', filters), queryFn: () => call('dashboard:cohort', filters), placeholderData: keepPreviousData, staleTime: 0, refetchOnMount: refetchUnlessJustSeeded });
  const lineages = [...new Map((protocols.data ?? []).filter((p) => p.status === 'current').map((p) => [p.lineageId, p.name])).entries()];
  const screen = useRef<HTMLDivElement>(null);
  // Ready when the cohort chart is drawn and the table's first page is in it.
  useRenderTiming('dashboard', screen, ['.recharts-line', '[data-testid="dashboard-count"]'], Boolean(cohort.data));
  // The figures' own scale (while another scale's figures load, the last ones stay on screen).
  const def = scaleDefinition(cohort.data?.scale ?? scale);
  const offered = cohort.data?.scales ?? ['phq9'];

  return (
    <Stack gap="md" ref={screen}>
      <Group justify="space-between" align="center">
        <Title order={1} size="h2">Outcomes dashboard</Title>
        {/* The scales the clinic has scores on; the table, the rates and the charts follow the choice. */}
        <Radio.Group
          label="Scale"
          value={scale}
          onChange={(v) => {
            const parsed = dashboardScale.safeParse(v);
            if (parsed.success) setScale(parsed.data);
          }}
        >
          <Group gap="md" mt={4}>
            {offered.map((s) => <Radio key={s} value={s} label={scaleDefinition(s).name} />)}
          </Group>
        </Radio.Group>
      </Group>
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
      <ErrorNotice error={cohort.error} />
      {cohort.data && (
        <Paper withBorder p="md">
          <Title order={2} size="h4">Cohort</Title>
          <CohortRates cohort={cohort.data} />
          <Text size="sm" c="dimmed" mt="sm" data-testid="cohort-included">
            Mean {def.name} by week: {cohort.data.includedCourses} course(s) with a baseline {def.name} of {def.outcome?.ratedMinBaseline} or more and an end-of-treatment {def.name};
            {' '}{cohort.data.excludedCourses} other(s) are not included (no outcome yet, or a baseline below {def.outcome?.ratedMinBaseline}). Rates by protocol are intention to treat.
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
      <DashboardTable filters={filters} scale={scale} />
    </Stack>
  );
}
