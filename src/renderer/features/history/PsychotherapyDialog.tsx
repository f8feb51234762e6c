import { Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { type PsychotherapyTrial, type PsychotherapyType, psychotherapyTypeLabels, psychotherapyTypes } from '../../../shared/schemas/history';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useHistoryMutation } from './queries';

interface Props {
  patientId: number;
  trial: PsychotherapyTrial | null;
  opened: boolean;
  onClose(): void;
}

/** Adds or corrects a psychotherapy trial: type, dates, sessions attended. */
export function PsychotherapyDialog(props: Props) {
  return props.opened ? <PsychotherapyForm key={props.trial?.id ?? 'new'} {...props} /> : null;
}

function PsychotherapyForm({ patientId, trial, onClose }: Props) {
  const save = useHistoryMutation('history:savePsychotherapy');
  const { formError, run, errorFor } = useServerForm();
  const [therapyType, setTherapyType] = useState<PsychotherapyType | ''>(trial?.therapyType ?? '');
  const [startedOn, setStartedOn] = useState(trial?.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(trial?.endedOn ?? '');
  const [sessions, setSessions] = useState(trial ? String(trial.sessions) : '');
  const [notes, setNotes] = useState(trial?.notes ?? '');
  const submit = async () => {
    const fields = { patientId, therapyType: therapyType as PsychotherapyType, startedOn, endedOn: endedOn === '' ? null : endedOn, sessions: sessions === '' ? Number.NaN : Number(sessions), notes };
    const done = await run(
      () => save.mutateAsync(trial ? { id: trial.id, version: trial.version, trial: fields } : { trial: fields }),
      { 'trial.therapyType': therapyType, 'trial.startedOn': startedOn, 'trial.endedOn': endedOn, 'trial.sessions': sessions, 'trial.notes': notes },
    );
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={trial ? 'Correct psychotherapy trial' : 'Add psychotherapy trial'} centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <NativeSelect label="Type" data-autofocus value={therapyType} onChange={(e) => setTherapyType(e.currentTarget.value as PsychotherapyType | '')} data={[{ value: '', label: 'Choose…' }, ...psychotherapyTypes.map((t) => ({ value: t, label: psychotherapyTypeLabels[t] }))]} error={errorFor('trial.therapyType', therapyType)} />
          <Group grow align="flex-start">
            <TextInput label="Started on" type="date" value={startedOn} onChange={(e) => setStartedOn(e.currentTarget.value)} error={errorFor('trial.startedOn', startedOn)} />
            <TextInput label="Ended on" description="Empty while ongoing" inputWrapperOrder={['label', 'input', 'description', 'error']} type="date" value={endedOn} onChange={(e) => setEndedOn(e.currentTarget.value)} error={errorFor('trial.endedOn', endedOn)} />
            <TextInput label="Sessions" type="number" value={sessions} onChange={(e) => setSessions(e.currentTarget.value)} error={errorFor('trial.sessions', sessions)} />
          </Group>
          <Textarea label="Notes" placeholder="Therapist, setting; name the therapy when the type is Other" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errorFor('trial.notes', notes)} />
          <ErrorNotice error={formError} title="Not saved" />
        </Stack>
        <DialogActions onClose={onClose} label={trial ? 'Save correction' : 'Add psychotherapy'} loading={save.isPending} />
      </form>
    </Modal>
  );
}
