import { Table, Text } from '@mantine/core';
import { memo } from 'react';
import { scaleDefinition } from '../../../shared/clinical';
import type { Cohort, CohortRate } from '../../../shared/schemas/dashboard';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

function RateCell({ rate, testId }: { rate: CohortRate; testId: string }) {
  if (rate.rate === null || rate.low === null || rate.high === null) return <Table.Td data-testid={testId}><Text size="sm" c="dimmed">— (no course)</Text></Table.Td>;
  return (
    <Table.Td data-testid={testId}>
      <Text size="sm" span fw={700}>{pct(rate.rate)}</Text>
      <Text size="sm" span> ({rate.k} of {rate.n})</Text>
      <Text size="xs" c="dimmed">95% CI {pct(rate.low)}–{pct(rate.high)} (Wilson)</Text>
    </Table.Td>
  );
}

/**
 * Response and remission rates in the two sets DOMAIN.md defines, each with n and a 95% Wilson
 * interval, on the cohort's scale; only courses whose baseline the scale rates count.
 */
export const CohortRates = memo(function CohortRates({ cohort }: { cohort: Cohort }) {
  const def = scaleDefinition(cohort.scale);
  const sets = [
    { key: 'completers', label: 'Completers', hint: `Completed courses with an end-of-treatment ${def.name}`, set: cohort.completers },
    { key: 'itt', label: 'Intention to treat', hint: `Every ended course with at least one session; no later ${def.name} counts as not responding`, set: cohort.intentionToTreat },
  ] as const;
  return (
    <>
      <Table verticalSpacing={4} aria-label="Response and remission rates" mt="sm" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Set</Table.Th><Table.Th ta="right">n</Table.Th><Table.Th>Response (≥ 50% drop)</Table.Th><Table.Th>Remission (≤ {def.outcome?.remissionAtMost})</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sets.map(({ key, label, hint, set }) => (
            <Table.Tr key={key} data-testid={`cohort-${key}`}>
              <Table.Td><Text size="sm" fw={600}>{label}</Text><Text size="xs" c="dimmed">{hint}</Text></Table.Td>
              <Table.Td ta="right" data-testid={`cohort-${key}-n`}>{set.n}</Table.Td>
              <RateCell rate={set.response} testId={`cohort-${key}-response`} />
              <RateCell rate={set.remission} testId={`cohort-${key}-remission`} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" data-testid="cohort-rates-note">
        Remission on {def.name}: {def.outcome?.remissionText}. Only courses with a baseline {def.name} of {def.outcome?.ratedMinBaseline} or more. {cohort.notYetEnded} course(s) still planned or active are in neither set until they end.
      </Text>
    </>
  );
});
