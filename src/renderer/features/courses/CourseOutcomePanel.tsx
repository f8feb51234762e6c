import { Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { daysBetween, measuresChange, scaleDefinition, type ScaleId } from '../../../shared/clinical';
import type { CourseDetail } from '../../../shared/schemas/course';
import { patientName } from '../../format';
import { useCan } from '../../session/auth';
import { LazyPercentChangeChart as PercentChangeChart, LazyPhq9CourseChart as Phq9CourseChart, LazyScaleCourseChart as ScaleCourseChart } from '../charts/LazyCharts';
import { type CourseScale, courseScales } from '../assessments/courseScales';
import { formatNumber } from '../assessments/formatNumber';
import { usePatientAssessments } from '../assessments/queries';
import { Phq9Table } from '../phq9/Phq9Panel';
import { OutcomeSummary } from './OutcomeSummary';

const PERCENT = 'percent';
/** Chart and summary side by side fill the panel at 1280 px wide; the chart is short enough to stand above the fold. */
const CHART = { width: 860, height: 290 };

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

function OutcomeTable({ scales }: { scales: CourseScale[] }) {
  return (
    <Table verticalSpacing={4} aria-label="Outcome by scale">
      <Table.Thead>
        <Table.Tr><Table.Th>Scale</Table.Th><Table.Th>Baseline</Table.Th><Table.Th>End of treatment</Table.Th><Table.Th>Change</Table.Th><Table.Th>% change</Table.Th><Table.Th>Response</Table.Th><Table.Th>Remission</Table.Th><Table.Th>Rules</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>{scales.map((s) => <OutcomeRow key={s.scale} s={s} />)}</Table.Tbody>
    </Table>
  );
}

/** One scale's outcome beside its chart, in the PHQ-9 summary's terms. */
function ScaleSummary({ s }: { s: CourseScale }) {
  const o = s.outcome;
  const rule = scaleDefinition(s.scale).outcome;
  const line = (label: string, value: string) => (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={700}>{value}</Text>
    </Paper>
  );
  if (!o) return <Text size="sm" c="dimmed">{rule ? 'No outcome yet: it needs a baseline and a score after the first session.' : 'A global rating: no baseline change is computed.'}</Text>;
  return (
    <Stack gap="xs">
      {line('Baseline', String(o.baseline.total))}
      {line('End of treatment', String(o.endOfTreatment.total))}
      {line('Change', `${o.change > 0 ? '+' : ''}${o.change}${o.percentChange !== null ? ` (${formatNumber(o.percentChange)}%)` : ''}`)}
      {o.rated ? line('Response · remission', `${o.response ? 'Yes' : 'No'} · ${o.remission ? 'Yes' : 'No'}`) : line('Response · remission', `Baseline below ${rule?.ratedMinBaseline}: not rated`)}
    </Stack>
  );
}

/**
 * The course's outcome in one place: a scale switch (PHQ-9 first; every other scale with scores;
 * all as percent change), the chosen scale's chart with its summary beside it, the outcome of every
 * scale when more than one is used, and the PHQ-9 entries under the PHQ-9.
 */
export function CourseOutcomePanel({ detail, archived }: { detail: CourseDetail; archived: boolean }) {
  const navigate = useNavigate();
  const can = useCan();
  const list = usePatientAssessments(detail.patient.id);
  const span = { firstSessionOn: detail.firstSessionDate, lastSessionOn: detail.lastSessionDate };
  const scales = list.data ? courseScales(list.data, span) : [];
  const others = scales.filter((s) => s.scale !== 'phq9' && s.treatment.length > 0);
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
  const options = [
    { value: 'phq9', label: 'PHQ-9' },
    ...others.map((s) => ({ value: s.scale as string, label: scaleDefinition(s.scale).name })),
    ...(percentSeries.length > 1 ? [{ value: PERCENT, label: '% change, all' }] : []),
  ];
  const [chosen, setChosen] = useState('phq9');
  const selected = options.some((o) => o.value === chosen) ? chosen : 'phq9';
  const shown = others.find((s) => s.scale === selected);
  const enterScale: ScaleId = shown ? shown.scale : 'phq9';
  const enterPath = enterScale === 'phq9' ? `/patients/${detail.course.patientId}/phq9/new` : `/patients/${detail.course.patientId}/assessments/${enterScale}/new`;
  const mayEnter = !archived && can(enterScale === 'phq9' ? 'phq9:create' : 'assessments:create');
  return (
    <Paper withBorder p="md" data-testid="course-scales">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap="md" wrap="nowrap">
          <Title order={2} size="h4">Outcome</Title>
          {options.length > 1 && <SegmentedControl aria-label="Chart" size="xs" value={selected} onChange={setChosen} data={options} />}
        </Group>
        {mayEnter && (
          <Button size="compact-md" variant="default" onClick={() => navigate(enterPath, { state: { returnTo: `/courses/${detail.course.id}` } })}>
            Enter {scaleDefinition(enterScale).name}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {selected === 'phq9' && (
          <Group align="flex-start" gap="md" wrap="nowrap">
            {detail.phq9.length > 0 ? (
              <Phq9CourseChart detail={detail} width={CHART.width} height={CHART.height} />
            ) : (
              <Text size="sm" c="dimmed" w={CHART.width} data-testid="empty-state">No PHQ-9 yet: enter a baseline PHQ-9 (Enter PHQ-9) before the first session; the chart starts with it.</Text>
            )}
            <div style={{ flex: 1 }}><OutcomeSummary detail={detail} vertical /></div>
          </Group>
        )}
        {shown && (
          <Group align="flex-start" gap="md" wrap="nowrap">
            <ScaleCourseChart
              scale={shown.scale}
              baseline={shown.outcome?.baseline.total ?? null}
              width={CHART.width}
              height={CHART.height}
              points={shown.treatment.map((a) => ({ x: daysBetween(span.firstSessionOn ?? a.assessedOn, a.assessedOn), total: a.total, date: a.assessedOn }))}
            />
            <div style={{ flex: 1 }}><ScaleSummary s={shown} /></div>
          </Group>
        )}
        {selected === PERCENT && <PercentChangeChart series={percentSeries} width={CHART.width + 330} height={CHART.height} />}
        {selected !== 'phq9' && <Text size="xs" c="dimmed">Baseline and treatment scores; follow-ups and every entry are listed under "Other rating scales for this course".</Text>}
        {scales.length > 1 && <OutcomeTable scales={scales} />}
        {selected === 'phq9' && detail.phq9.length > 0 && <Phq9Table assessments={detail.phq9} name={patientName(detail.patient)} />}
        {selected !== 'phq9' && !shown && selected !== PERCENT && <Badge color="gray">No scores to chart yet</Badge>}
      </Stack>
    </Paper>
  );
}
