import { Alert, Button, Group, Kbd, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import { diagnosisLabel } from '../../../shared/icd10';
import { errorMessage } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDateTime } from '../../format';
import { AuditHistory } from '../audit/AuditHistory';
import { AccessLog } from '../auditlog/AccessLog';
import { useCan } from '../../session/auth';
import { PatientCoursesPanel } from '../courses/PatientCoursesPanel';
import { PatientAssessmentsPanel } from '../assessments/PatientAssessmentsPanel';
import { Phq9Panel } from '../phq9/Phq9Panel';
import { TreatmentHistoryPanel } from '../history/TreatmentHistoryPanel';
import { usePatientPhq9 } from '../phq9/queries';
import { ArchivePatientDialog } from './ArchivePatientDialog';
import { PatientBanner } from './PatientBanner';
import { usePatient, usePatientMutation } from './queries';
import { usePatientIdParam } from './usePatientIdParam';

export const patientFieldLabels: Record<string, string> = {
  mrn: 'MRN',
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  primaryDiagnosis: 'Primary diagnosis',
  referringPsychiatrist: 'Referring psychiatrist',
  notes: 'Notes',
  archivedAt: 'Archived',
  archiveReason: 'Archive reason',
};

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text component="div">{children}</Text>
    </div>
  );
}

export function PatientDetailScreen() {
  const navigate = useNavigate();
  const can = useCan();
  const id = usePatientIdParam();
  const patient = usePatient(id);
  const restore = usePatientMutation('patients:restore');
  const [archiveOpen, archiveDialog] = useDisclosure(false);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const p = patient.data;
  const phq9 = usePatientPhq9(id);

  useHotkeys([['e', () => p && !p.archivedAt && navigate(`/patients/${p.id}/edit`)]]);

  if (patient.isPending) return <Loading />;
  if (!p) return <ErrorNotice error={patient.error} title="Could not load the patient" />;

  const diagnosis = diagnosisLabel(p.primaryDiagnosis);
  return (
    <Stack gap="md">
      <PatientBanner patient={p} />
      {p.archivedAt && (
        <Alert color="gray" variant="light" title="Archived record">
          Archived {formatDateTime(p.archivedAt)} — {p.archiveReason}. Restore it to make changes.
        </Alert>
      )}
      <Group justify="space-between">
        <Title order={1} size="h3">Patient details</Title>
        <Group gap="xs">
          {p.archivedAt ? (
            <Button
              variant="default"
              loading={restore.isPending}
              onClick={() =>
                restore
                  .mutateAsync({ id: p.id, version: p.version })
                  .then(() => setRestoreError(null), (e: unknown) => setRestoreError(errorMessage(e)))
              }
            >
              Restore patient
            </Button>
          ) : (
            <>
              <Button variant="outline" color="red" onClick={archiveDialog.open}>Archive…</Button>
              <Button onClick={() => navigate(`/patients/${p.id}/edit`)} rightSection={<Kbd size="xs">E</Kbd>}>Edit details</Button>
            </>
          )}
        </Group>
      </Group>
      <ErrorNotice error={restoreError} title="Not restored" />
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="md">
          <Field label="Primary diagnosis">
            <Text span ff="monospace" fw={600}>{p.primaryDiagnosis}</Text>
            {diagnosis && <Text span c="dimmed"> — {diagnosis}</Text>}
          </Field>
          <Field label="Referring psychiatrist">{p.referringPsychiatrist || '—'}</Field>
          <Field label="Record">Created {formatDateTime(p.createdAt)}, updated {formatDateTime(p.updatedAt)}</Field>
        </SimpleGrid>
        <Stack mt="md" gap={0}>
          <Field label="Notes">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{p.notes || '—'}</Text>
          </Field>
        </Stack>
      </Paper>
      <PatientCoursesPanel patientId={p.id} archived={p.archivedAt !== null} />
      <Phq9Panel patient={p} assessments={phq9.data} error={phq9.error} />
      <TreatmentHistoryPanel patientId={p.id} archived={p.archivedAt !== null} />
      <PatientAssessmentsPanel patient={p} />
      <AuditHistory entity="patient" entityId={p.id} labels={patientFieldLabels} />
      {can('audit:accessLog') && <AccessLog patientId={p.id} />}
      <ArchivePatientDialog patient={p} opened={archiveOpen} onClose={archiveDialog.close} />
    </Stack>
  );
}
