import { Alert, Button, Group, Kbd, Modal, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { scaleDefinition } from '../../../shared/clinical';
import type { Assessment } from '../../../shared/schemas/assessment';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { formatDate } from '../../format';
import { useActor, useCan } from '../../session/auth';
import { useClinicalMutation } from '../courses/queries';

/** A positive suicide item of any scale is acknowledged by a named staff member saying what was done. */
export function AcknowledgeSuicideItemDialog({ assessment, patientName, onClose }: { assessment: Assessment | null; patientName: string; onClose(): void }) {
  const actor = useActor();
  const canAcknowledge = useCan()('assessments:acknowledge');
  const acknowledge = useClinicalMutation('assessments:acknowledge');
  const { formError, run, errorFor } = useServerForm();
  const [action, setAction] = useState('');
  if (!assessment) return null;
  const def = scaleDefinition(assessment.scale);
  const number = def.suicideItem ?? 0;
  const item = def.items[number - 1];
  const answer = assessment.answers[number - 1] ?? 0;
  const submit = async () => {
    if (await run(() => acknowledge.mutateAsync({ assessmentId: assessment.id, actionTaken: action }), { actionTaken: action })) {
      setAction('');
      onClose();
    }
  };
  const finding = (
    <Alert color="red" variant="filled" mb="sm">
      <Text fw={700}>{item?.label}: “{item?.text}”</Text>
      <Text>Rated {answer} (“{item?.answers[answer - (item?.min ?? 0)]}”) on {formatDate(assessment.assessedOn)} (total {assessment.total}).</Text>
    </Alert>
  );
  const title = `${def.name}: Item ${number} positive — ${patientName}`;
  if (!canAcknowledge) {
    // Only a psychiatrist records the acknowledgement (main decides): say so rather than offer a button that is refused.
    return (
      <Modal opened onClose={onClose} title={title} centered size="lg">
        {finding}
        <Text size="sm" data-testid="tell-psychiatrist">
          This needs a clinician's attention today. Tell a psychiatrist now: only a psychiatrist can record what was done, and the alert stays on every screen until then.
        </Text>
        <Group justify="flex-end" mt="md">
          <Button color="red" onClick={onClose} data-autofocus>I will tell a psychiatrist</Button>
        </Group>
      </Modal>
    );
  }
  return (
    <Modal opened onClose={onClose} title={title} centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        {finding}
        <Text size="sm" mb="xs">This needs a clinician's attention today. Record what was done (risk assessment, safety plan, who was informed).</Text>
        <Textarea label="What was done" data-autofocus autosize minRows={3} value={action} onChange={(e) => setAction(e.currentTarget.value)} error={errorFor('actionTaken', action)} />
        <Text size="xs" c="dimmed" mt={4}>Recorded as acknowledged by {actor.name}.</Text>
        <ErrorNotice error={formError} title="Not acknowledged" />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>Later</Button>
          <Button type="submit" color="red" loading={acknowledge.isPending} rightSection={<Kbd size="xs">Ctrl ↵</Kbd>}>Acknowledge</Button>
        </Group>
      </form>
    </Modal>
  );
}
