import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { CourseDetail } from '../../../shared/schemas/course';
import { formatDate } from '../../format';

function formatPercent(value: number | null): string {
  if (value === null) return '—';
  return `${value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

export const NOT_RATED = 'Baseline below 10: not rated';

/** Baseline, end of treatment, change, response and remission, each stated in words; `vertical`: one column, beside a chart. */
export function OutcomeSummary({ detail, vertical = false }: { detail: CourseDetail; vertical?: boolean }) {
  const o = detail.outcome;
  if (!o) {
    return (
      <Text size="sm" c="dimmed" data-testid="outcome-none">
        {detail.firstSessionDate
          ? 'No outcome yet: it needs a baseline PHQ-9 (from 30 days before the first session up to its day) and one after the first session, up to 7 days after the last (end of treatment).'
          : 'No outcome yet: enter a baseline PHQ-9, then log the first session.'}
      </Text>
    );
  }
  const item = (label: string, value: string, hint?: string, testId?: string) =>
    vertical ? (
      // Beside the chart: label and value on one line, so the five fit the chart's height.
      <Paper withBorder px="xs" py={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
          <Text fw={700} data-testid={testId}>{value}</Text>
        </Group>
        {hint && <Text size="xs" c="dimmed">{hint}</Text>}
      </Paper>
    ) : (
      <Paper withBorder p="xs">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
        <Text fw={700} data-testid={testId}>{value}</Text>
        {hint && <Text size="xs" c="dimmed">{hint}</Text>}
      </Paper>
    );
  return (
    <SimpleGrid cols={vertical ? 1 : 5} spacing={vertical ? 6 : 'sm'} data-testid="outcome">
      {item('Baseline', String(o.baseline.total), formatDate(o.baseline.assessedOn), 'outcome-baseline')}
      {item('End of treatment', String(o.endOfTreatment.total), formatDate(o.endOfTreatment.assessedOn), 'outcome-end')}
      {item('Change', `${o.change > 0 ? '+' : ''}${o.change}`, formatPercent(o.percentChange), 'outcome-change')}
      {!o.rated && (
        <Paper withBorder p="xs" style={vertical ? undefined : { gridColumn: 'span 2' }}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Response and remission</Text>
          <Text fw={600} data-testid="outcome-not-rated">{NOT_RATED}</Text>
          <Text size="xs" c="dimmed">Rated only from a baseline of at least moderate (PHQ-9 ≥ 10).</Text>
        </Paper>
      )}
      {o.rated && <Paper withBorder p={vertical ? 6 : 'xs'}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Response (≥ 50% drop)</Text>
        <Group gap={6}>
          <Badge color={o.response ? 'teal' : 'gray'} variant={o.response ? 'filled' : 'outline'} data-testid="outcome-response">{o.response ? 'Yes' : 'No'}</Badge>
          {o.responseWeek !== null && <Text size="xs" c="dimmed">first reached week {o.responseWeek}</Text>}
        </Group>
      </Paper>}
      {o.rated && <Paper withBorder p={vertical ? 6 : 'xs'}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Remission (below 5)</Text>
        <Group gap={6}>
          <Badge color={o.remission ? 'teal' : 'gray'} variant={o.remission ? 'filled' : 'outline'} data-testid="outcome-remission">{o.remission ? 'Yes' : 'No'}</Badge>
          {o.remissionWeek !== null && <Text size="xs" c="dimmed">first reached week {o.remissionWeek}</Text>}
        </Group>
      </Paper>}
    </SimpleGrid>
  );
}
