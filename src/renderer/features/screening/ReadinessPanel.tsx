import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { screeningQuestionShort, type StartBlocker } from '../../../shared/schemas/screening';
import { WARNING_COLOR } from '../../app/theme';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate, formatDateTime } from '../../format';
import { useCan } from '../../session/auth';
import { ClearScreeningDialog } from './ClearScreeningDialog';
import { ConsentDialog } from './ConsentDialog';
import { ScreeningDialog } from './ScreeningDialog';
import { useReadiness } from './queries';

const blockerLabels: Record<StartBlocker, string> = {
  no_screening: 'Record the TMS safety screening',
  screening_not_cleared: 'A psychiatrist clears the screening',
  no_consent: 'Record the informed consent',
};

/**
 * The course's safety screening and consent. Before the first session it says what is still
 * needed (main refuses the first session without both); afterwards it stays as the record.
 */
export function ReadinessPanel({ courseId, patientId, editable }: { courseId: number; patientId: number; editable: boolean }) {
  const readiness = useReadiness(courseId);
  const can = useCan();
  const [screening, setScreening] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [consent, setConsent] = useState(false);
  const r = readiness.data;
  if (!r) return <ErrorNotice error={readiness.error} title="Could not load the screening and consent" />;
  const s = r.screening;
  const blocked = !r.started && r.blockers.length > 0;
  return (
    <Paper withBorder p="md" component="section" aria-label="Safety screening and consent" data-testid="readiness" bd={blocked ? `1px solid ${WARNING_COLOR}` : undefined}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">Safety screening and consent</Title>
        {blocked ? (
          <Badge color={WARNING_COLOR} variant="outline" data-testid="readiness-status">Not ready for the first session</Badge>
        ) : (
          <Badge color="teal" variant="outline" data-testid="readiness-status">{r.started ? 'Recorded' : 'Ready for the first session'}</Badge>
        )}
      </Group>
      {blocked && (
        <Text size="sm" mb="xs" data-testid="readiness-blockers">Before the first session: {r.blockers.map((b) => blockerLabels[b]).join('; ')}.</Text>
      )}
      <SimpleGrid cols={2} spacing="md">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Safety screening</Text>
          {s ? (
            <>
              <Text size="sm" data-testid="screening-summary">
                {formatDate(s.screenedOn)}, by {s.screenedByName}:{' '}
                {s.positive.length === 0 ? 'no positive answer' : `positive: ${s.positive.map((q) => screeningQuestionShort[q]).join(', ')}`}
                {s.details && ` (${s.details})`}
              </Text>
              <Text size="sm">
                {s.clearedByName ? `Cleared by ${s.clearedByName}, ${formatDateTime(s.clearedAt ?? '')}${s.clearance ? `: ${s.clearance}` : ''}` : 'Awaiting a psychiatrist’s clearance'}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">None recorded.</Text>
          )}
          {editable && (
            <Group gap="xs">
              {can('screening:record') && <Button size="compact-sm" variant="default" onClick={() => setScreening(true)}>{s ? 'Screen again…' : 'Record screening…'}</Button>}
              {s && !s.clearedByName && can('screening:clear') && <Button size="compact-sm" onClick={() => setClearing(true)}>Clear…</Button>}
            </Group>
          )}
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Informed consent</Text>
          {r.consent ? (
            <Text size="sm" data-testid="consent-summary">Signed {formatDate(r.consent.consentedOn)} ({r.consent.consentVersion}), obtained by {r.consent.obtainedByName}</Text>
          ) : (
            <Text size="sm" c="dimmed">None recorded.</Text>
          )}
          {editable && can('consent:record') && (
            <Group gap="xs"><Button size="compact-sm" variant="default" onClick={() => setConsent(true)}>{r.consent ? 'Record again…' : 'Record consent…'}</Button></Group>
          )}
        </Stack>
      </SimpleGrid>
      <ScreeningDialog courseId={courseId} patientId={patientId} opened={screening} onClose={() => setScreening(false)} />
      <ClearScreeningDialog screening={clearing ? s : null} onClose={() => setClearing(false)} />
      <ConsentDialog courseId={courseId} opened={consent} onClose={() => setConsent(false)} />
    </Paper>
  );
}
