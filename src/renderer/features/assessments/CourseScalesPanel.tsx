import { Badge, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { daysBetween, measuresChange, scaleDefinition } from '../../../shared/clinical';
import type { CourseDetail } from '../../../shared/schemas/course';
import { formatNumber } from './formatNumber';
import { PercentChangeChart, ScaleCourseChart } from '../charts/ScaleCourseChart';
import { AssessmentsPanel } from './AssessmentsPanel';
import { CoursePlanPanel } from './CoursePlanPanel';
import { type CourseScale, courseScales } from './courseScales';
import { usePatientAssessments } from './queries';

const PERCENT = 'percent';

function OutcomeRow({ s }: { s: CourseScale }) {
  const def = scaleDefinition(s.scale);
  const o = s.outcome;
  const rule = def.outcome;
  return (
    <Table.Tr data-testid={`outcome-row-${s.scale}`}>
      <Table.Td fw={600}>{def.name}</Table.Td>
      <Table.Td>{s.baseline ? s.baseline.total : '—'}</Table.Td>
      <Table.Td>{o ? o.endOfTreatment.total : '—'}</Table.Td>
      <Table.Td>{o ? (o.change > 0 ? `+${o.change}` : o.change) : '—'}</Table.Td>
      <Table.Td>{o && o.percentChange !== null ? `${formatNumber(o.percentChange)}%` : '—'}</Table.Td>
      {o && !o.rated ? (
        <Table.Td colSpan={2} fz="sm" c="dimmed">baseline below {rule?.ratedMinBaseline}: not rated</Table.Td>
      ) : (
        <>
          <Table.Td>{o ? (o.response ? 'Yes' : 'No') : '—'}</Table.Td>
          <Table.Td>{o ? (o.remission ? 'Yes' : 'No') : '—'}</Table.Td>
        </>
      )}
      <Table.Td fz="xs" c="dimmed">{rule ? `response ≥ 50% drop; remission ${rule.remissionText}` : 'global rating'}</Table.Td>
    </Table.Tr>
  );
}

/**
 * The course's rating scales: one outcome row per scale, the chart switched between the scales
 * (each on its own axis, with its bands and lines) or all together as percent change from
 * baseline, and the entries of every scale beside the PHQ-9 with the part each measures.
 */
export function CourseScalesPanel({ detail }: { detail: CourseDetail }) {
  const list = usePatientAssessments(detail.patient.id);
  const span = { firstSessionOn: detail.firstSessionDate, lastSessionOn: detail.lastSessionDate };
  const scales = list.data ? courseScales(list.data, span) : [];
  const charted = scales.filter((s) => s.treatment.length > 0);
  const percentSeries = scales
    .filter((s) => measuresChange(s.scale) && s.outcome && s.outcome.baseline.total > 0)
    .map((s) => ({
      scale: s.scale,
      points: s.treatment.map((a) => ({
        x: daysBetween(span.firstSessionOn ?? a.assessedOn, a.assessedOn),
        percent: (100 * (a.total - (s.outcome?.baseline.total ?? 1))) / (s.outcome?.baseline.total ?? 1),
        date: a.assessedOn,
      })),
    }));
  const [chosen, setChosen] = useState<string | null>(null);
  const options = [
    ...charted.map((s) => ({ value: s.scale as string, label: scaleDefinition(s.scale).name })),
    ...(percentSeries.length > 1 ? [{ value: PERCENT, label: '% change, all' }] : []),
  ];
  const selected = options.some((o) => o.value === chosen) ? chosen : (options.find((o) => o.value !== 'phq9')?.value ?? options[0]?.value ?? null);
  const shown = charted.find((s) => s.scale === selected);
  const listed = scales.flatMap((s) => (s.scale === 'phq9' ? [] : s.listed));
  const beforeTreatment = detail.firstSessionDate === null ? (list.data ?? []).filter((a) => a.scale !== 'phq9') : listed;
  return (
    <Stack gap="md">
      <CoursePlanPanel detail={detail} assessments={list.data} />
      {scales.length > 0 && (
        <Paper withBorder p="md" data-testid="course-scales">
          <Title order={2} size="h4" mb="sm">Outcome by scale</Title>
          <Table verticalSpacing={4} aria-label="Outcome by scale" mb="md">
            <Table.Thead>
              <Table.Tr><Table.Th>Scale</Table.Th><Table.Th>Baseline</Table.Th><Table.Th>End of treatment</Table.Th><Table.Th>Change</Table.Th><Table.Th>% change</Table.Th><Table.Th>Response</Table.Th><Table.Th>Remission</Table.Th><Table.Th>Rules</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>{scales.map((s) => <OutcomeRow key={s.scale} s={s} />)}</Table.Tbody>
          </Table>
          {options.length > 0 && selected && (
            <>
              <SegmentedControl aria-label="Chart" value={selected} onChange={setChosen} data={options} mb="sm" />
              {selected === PERCENT ? (
                <PercentChangeChart series={percentSeries} width={1180} height={320} />
              ) : shown ? (
                <ScaleCourseChart
                  scale={shown.scale}
                  baseline={shown.outcome?.baseline.total ?? null}
                  width={1180}
                  height={320}
                  points={shown.treatment.map((a) => ({ x: daysBetween(span.firstSessionOn ?? a.assessedOn, a.assessedOn), total: a.total, date: a.assessedOn }))}
                />
              ) : null}
              <Text size="xs" c="dimmed">Baseline and treatment scores; follow-ups are listed below.</Text>
            </>
          )}
          {shown === undefined && selected !== PERCENT && <Badge color="gray">No scores to chart yet</Badge>}
        </Paper>
      )}
      <AssessmentsPanel patient={detail.patient} assessments={list.data ? beforeTreatment : undefined} error={list.error} returnTo={`/courses/${detail.course.id}`} title="Other rating scales for this course" />
    </Stack>
  );
}
