import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { mayRate, scaleDefinition, type ScaleId, scaleIds } from '../../../shared/clinical';
import type { Patient } from '../../../shared/schemas/patient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { patientName } from '../../format';
import { useActor } from '../../session/auth';
import { AssessmentTable, type ListedAssessment } from './AssessmentTable';

/**
 * The rating scales beside the PHQ-9 (GAD-7, MADRS, HAM-D 17, CGI): an "Enter" button for each
 * scale the signed-in person may rate (main checks it again) and a table per scale used.
 * `scales` limits it (a course's plan); `assessments` may carry the course part of each.
 */
export function AssessmentsPanel({
  patient,
  assessments,
  error,
  scales = scaleIds.filter((s) => s !== 'phq9'),
  returnTo,
  title = 'Other rating scales',
}: {
  patient: Patient;
  assessments: ListedAssessment[] | undefined;
  error: unknown;
  scales?: readonly ScaleId[];
  returnTo: string;
  title?: string;
}) {
  const navigate = useNavigate();
  const actor = useActor();
  const used = scales.filter((s) => assessments?.some((a) => a.scale === s));
  const rater = { role: actor.role, trainedRater: actor.trainedRater };
  return (
    <Paper withBorder p="md" data-testid="assessments-panel">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">{title}</Title>
        {!patient.archivedAt && (
          <Group gap="xs">
            {scales.filter((s) => mayRate(s, rater)).map((s) => (
              <Button key={s} size="compact-sm" variant="default" onClick={() => navigate(`/patients/${patient.id}/assessments/${s}/new`, { state: { returnTo } })}>
                Enter {scaleDefinition(s).name}
              </Button>
            ))}
          </Group>
        )}
      </Group>
      <ErrorNotice error={error} />
      {assessments && used.length === 0 && (
        <Text size="sm" c="dimmed">None yet. Clinician-rated scales (MADRS, HAM-D 17, CGI) are entered by a psychiatrist or a trained rater; GAD-7 by any clinical staff.</Text>
      )}
      <Stack gap="md">
        {used.map((s) => (
          <div key={s}>
            <Text fw={600} size="sm">{scaleDefinition(s).name} <Text span c="dimmed" size="xs">{scaleDefinition(s).fullName}</Text></Text>
            <AssessmentTable scale={s} assessments={(assessments ?? []).filter((a) => a.scale === s)} patientName={patientName(patient)} />
          </div>
        ))}
      </Stack>
    </Paper>
  );
}
