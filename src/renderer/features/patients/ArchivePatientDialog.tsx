import { Alert, Button, Group, Modal, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { courseStatusLabels } from '../../../shared/schemas/course';
import type { Patient } from '../../../shared/schemas/patient';
import { AppError, errorMessage } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { patientName } from '../../format';
import { useActor } from '../../session/auth';
import { usePatientCourses } from '../courses/queries';
import { usePatientMutation } from './queries';

/**
 * Archiving hides a patient from lists (never deletes); it needs a reason and names who did it.
 * Their open courses end with it (discontinued, the reason kept): the dialog names them first.
 */
export function ArchivePatientDialog({ patient, opened, onClose }: { patient: Patient; opened: boolean; onClose(): void }) {
  const courses = usePatientCourses(patient.id);
  const openCourses = (courses.data ?? []).filter((c) => c.status === 'planned' || c.status === 'active');
  const actor = useActor();
  const archive = usePatientMutation('patients:archive');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit = async () => {
    setReasonError(null);
    setFormError(null);
    try {
      await archive.mutateAsync({ id: patient.id, version: patient.version, reason });
      setReason('');
      onClose();
    } catch (error) {
      const fieldError = error instanceof AppError ? error.fields['reason'] : undefined;
      if (fieldError) setReasonError(fieldError);
      else setFormError(errorMessage(error));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Archive ${patientName(patient)}?`} centered>
      <Text size="sm" mb="sm">
        The record stays in the database with its history but no longer appears in the patient list. It can be restored.
      </Text>
      {openCourses.length > 0 && (
        <Alert color="red" variant="light" mb="sm" data-testid="archive-ends-courses">
          {openCourses.map((c) => `${c.protocolName} (${courseStatusLabels[c.status].toLowerCase()}, ${c.sessionsDone} session${c.sessionsDone === 1 ? '' : 's'})`).join('; ')}
          {openCourses.length === 1 ? ' is' : ' are'} discontinued with the archive, with this reason. Restoring the record does not reopen {openCourses.length === 1 ? 'it' : 'them'}.
        </Alert>
      )}
      <Textarea
        label="Reason"
        withAsterisk
        data-autofocus
        placeholder="e.g. duplicate record, transferred to another clinic"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={reasonError}
      />
      <Text size="xs" c="dimmed" mt="xs">Recorded as archived by {actor.name}.</Text>
      <ErrorNotice error={formError} title="Not archived" />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>Cancel</Button>
        <Button color="red" onClick={submit} loading={archive.isPending}>Archive patient</Button>
      </Group>
    </Modal>
  );
}
