import { Checkbox, Group, Modal, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { TRIAL_DRUGS } from '../../../shared/clinical';
import { type AntidepressantTrialRecord, trialOutcomeLabels, trialOutcomes, type TrialOutcome } from '../../../shared/schemas/history';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useHistoryMutation } from './queries';

/** The trial drugs grouped by class, as the list offers them. */
const drugOptions = [...new Set(TRIAL_DRUGS.map((d) => d.drugClass))].map((group) => ({
  group,
  items: TRIAL_DRUGS.filter((d) => d.drugClass === group).map((d) => d.name),
}));

interface Props {
  patientId: number;
  /** The trial to correct; null to add one. */
  trial: AntidepressantTrialRecord | null;
  opened: boolean;
  onClose(): void;
}

/** Adds or corrects an antidepressant trial: the drug from the built-in list (its class follows), dose, dates, adequacy, outcome. */
export function TrialDialog(props: Props) {
  // A fresh form each time the dialog opens, for a new trial or the one being corrected.
  return props.opened ? <TrialForm key={props.trial?.id ?? 'new'} {...props} /> : null;
}

function TrialForm({ patientId, trial, onClose }: Props) {
  const save = useHistoryMutation('history:saveTrial');
  const { formError, run, errorFor } = useServerForm();
  const [drug, setDrug] = useState(trial?.drug ?? '');
  const [dose, setDose] = useState(trial?.dose ?? '');
  const [startedOn, setStartedOn] = useState(trial?.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(trial?.endedOn ?? '');
  const [adequate, setAdequate] = useState(trial?.adequate ?? false);
  const [outcome, setOutcome] = useState<TrialOutcome | ''>(trial?.outcome ?? '');
  const [outcomeNote, setOutcomeNote] = useState(trial?.outcomeNote ?? '');
  const submit = async () => {
    const fields = { patientId, drug, dose, startedOn, endedOn: endedOn === '' ? null : endedOn, adequate, outcome: outcome as TrialOutcome, outcomeNote };
    const done = await run(
      () => save.mutateAsync(trial ? { id: trial.id, version: trial.version, trial: fields } : { trial: fields }),
      { 'trial.drug': drug, 'trial.dose': dose, 'trial.startedOn': startedOn, 'trial.endedOn': endedOn, 'trial.outcome': outcome, 'trial.outcomeNote': outcomeNote },
    );
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={trial ? 'Correct antidepressant trial' : 'Add antidepressant trial'} centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <Group grow align="flex-start">
            <NativeSelect label="Drug" data-autofocus value={drug} onChange={(e) => setDrug(e.currentTarget.value)} data={[{ value: '', label: 'Choose…' }, ...drugOptions]} error={errorFor('trial.drug', drug)} />
            <TextInput label="Dose" placeholder="e.g. 150 mg daily" value={dose} onChange={(e) => setDose(e.currentTarget.value)} error={errorFor('trial.dose', dose)} />
          </Group>
          <Group grow align="flex-start">
            <TextInput label="Started on" type="date" value={startedOn} onChange={(e) => setStartedOn(e.currentTarget.value)} error={errorFor('trial.startedOn', startedOn)} />
            <TextInput label="Ended on" description="Empty while still taken" inputWrapperOrder={['label', 'input', 'description', 'error']} type="date" value={endedOn} onChange={(e) => setEndedOn(e.currentTarget.value)} error={errorFor('trial.endedOn', endedOn)} />
          </Group>
          <Checkbox label="Adequate dose and duration" checked={adequate} onChange={(e) => setAdequate(e.currentTarget.checked)} />
          <NativeSelect label="Outcome" value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as TrialOutcome | '')} data={[{ value: '', label: 'Choose…' }, ...trialOutcomes.map((o) => ({ value: o, label: trialOutcomeLabels[o] }))]} error={errorFor('trial.outcome', outcome)} />
          <Textarea label="Outcome note" placeholder="e.g. stopped for nausea after 3 weeks" autosize minRows={1} value={outcomeNote} onChange={(e) => setOutcomeNote(e.currentTarget.value)} error={errorFor('trial.outcomeNote', outcomeNote)} />
          <ErrorNotice error={formError} title="Not saved" />
        </Stack>
        <DialogActions onClose={onClose} label={trial ? 'Save correction' : 'Add trial'} loading={save.isPending} />
      </form>
    </Modal>
  );
}
