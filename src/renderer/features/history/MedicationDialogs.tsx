import { Autocomplete, Checkbox, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { DRUG_LIST, excitabilityEffectLabels, excitabilityOf } from '../../../shared/clinical';
import { localIsoDate } from '../../../shared/dates';
import type { CurrentMedication } from '../../../shared/schemas/history';
import { WARNING_COLOR } from '../../app/theme';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useHistoryMutation } from './queries';

const drugNames = DRUG_LIST.map((d) => d.name);

/** What a flagged drug does, said as the name is typed (the same list main flags with). */
function ExcitabilityHint({ drug }: { drug: string }) {
  const effect = excitabilityOf(drug);
  if (!effect) return null;
  return <Text size="xs" c={WARNING_COLOR}>{excitabilityEffectLabels[effect]}. Starting, changing or stopping it asks for a motor-threshold re-check on the open course.</Text>;
}

export function AddMedicationDialog({ patientId, opened, onClose }: { patientId: number; opened: boolean; onClose(): void }) {
  return opened ? <AddMedicationForm patientId={patientId} onClose={onClose} /> : null;
}

function AddMedicationForm({ patientId, onClose }: { patientId: number; onClose(): void }) {
  const add = useHistoryMutation('history:addMedication');
  const { formError, run, errorFor } = useServerForm();
  const [drug, setDrug] = useState('');
  const [dose, setDose] = useState('');
  const [startedOn, setStartedOn] = useState('');
  const submit = async () => {
    const done = await run(() => add.mutateAsync({ medication: { patientId, drug, dose, startedOn, stoppedOn: null } }), {
      'medication.drug': drug, 'medication.dose': dose, 'medication.startedOn': startedOn,
    });
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title="Add current medication" centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <Autocomplete label="Drug" data-autofocus data={drugNames} comboboxProps={{ withinPortal: false }} withScrollArea={false} limit={8} value={drug} onChange={setDrug} error={errorFor('medication.drug', drug)} />
          <ExcitabilityHint drug={drug} />
          <Group grow align="flex-start">
            <TextInput label="Dose" placeholder="e.g. 1 mg at night" value={dose} onChange={(e) => setDose(e.currentTarget.value)} error={errorFor('medication.dose', dose)} />
            <TextInput label="Started on" type="date" value={startedOn} onChange={(e) => setStartedOn(e.currentTarget.value)} error={errorFor('medication.startedOn', startedOn)} />
          </Group>
          <ErrorNotice error={formError} title="Not added" />
        </Stack>
        <DialogActions onClose={onClose} label="Add medication" loading={add.isPending} />
      </form>
    </Modal>
  );
}

/** A dose change or a stop of a medication, effective on a day. */
export function ChangeMedicationDialog({ medication, onClose }: { medication: CurrentMedication | null; onClose(): void }) {
  return medication ? <ChangeMedicationForm key={medication.id} medication={medication} onClose={onClose} /> : null;
}

function ChangeMedicationForm({ medication, onClose }: { medication: CurrentMedication; onClose(): void }) {
  const change = useHistoryMutation('history:changeMedication');
  const { formError, run, errorFor } = useServerForm();
  const [dose, setDose] = useState(medication.dose);
  const [stop, setStop] = useState(false);
  const [changedOn, setChangedOn] = useState(localIsoDate(new Date()));
  const submit = async () => {
    const done = await run(
      () => change.mutateAsync({ id: medication.id, version: medication.version, dose, stoppedOn: stop ? changedOn : null, changedOn }),
      { dose, changedOn },
    );
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Change ${medication.drug}`} centered size="lg">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <ExcitabilityHint drug={medication.drug} />
          <Checkbox label="Stopped" checked={stop} onChange={(e) => setStop(e.currentTarget.checked)} />
          <Group grow align="flex-start">
            <TextInput label="New dose" data-autofocus disabled={stop} value={dose} onChange={(e) => setDose(e.currentTarget.value)} error={errorFor('dose', dose)} />
            <TextInput label={stop ? 'Stopped on' : 'Changed on'} type="date" value={changedOn} onChange={(e) => setChangedOn(e.currentTarget.value)} error={errorFor('changedOn', changedOn)} />
          </Group>
          <ErrorNotice error={formError} title="Not changed" />
        </Stack>
        <DialogActions onClose={onClose} label={stop ? 'Record stop' : 'Record dose change'} loading={change.isPending} />
      </form>
    </Modal>
  );
}
