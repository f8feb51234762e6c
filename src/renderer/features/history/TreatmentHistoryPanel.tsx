import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { excitabilityEffectLabels } from '../../../shared/clinical';
import {
  type AntidepressantTrialRecord,
  type CurrentMedication,
  type PsychotherapyTrial,
  psychotherapyTypeLabels,
  trialOutcomeLabels,
} from '../../../shared/schemas/history';
import { WARNING_COLOR } from '../../app/theme';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../format';
import { useCan } from '../../session/auth';
import { AddMedicationDialog, ChangeMedicationDialog } from './MedicationDialogs';
import { PsychotherapyDialog } from './PsychotherapyDialog';
import { TrialDialog } from './TrialDialog';
import { useTreatmentHistory } from './queries';
import { HiddenHeader } from '../../components/HiddenHeader';

function dates(startedOn: string, endedOn: string | null, ongoing: string): string {
  return `${formatDate(startedOn)} – ${endedOn ? formatDate(endedOn) : ongoing}`;
}

function Section({ title, action, empty, children }: { title: string; action: React.ReactNode; empty: string | null; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Title order={3} size="h5">{title}</Title>
        {action}
      </Group>
      {empty ? <Text size="sm" c="dimmed">{empty}</Text> : children}
    </Stack>
  );
}

function TrialsTable({ trials, onEdit }: { trials: AntidepressantTrialRecord[]; onEdit: ((t: AntidepressantTrialRecord) => void) | null }) {
  return (
    <Table verticalSpacing={4} aria-label="Antidepressant trials">
      <Table.Thead>
        <Table.Tr><Table.Th>Drug</Table.Th><Table.Th>Class</Table.Th><Table.Th>Dose</Table.Th><Table.Th>Dates</Table.Th><Table.Th>Adequate dose and duration</Table.Th><Table.Th>Outcome</Table.Th>{onEdit && <HiddenHeader />}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {trials.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td fw={600}>{t.drug}</Table.Td>
            <Table.Td fz="sm">{t.drugClass}</Table.Td>
            <Table.Td fz="sm">{t.dose}</Table.Td>
            <Table.Td fz="sm">{dates(t.startedOn, t.endedOn, 'ongoing')}</Table.Td>
            <Table.Td fz="sm">{t.adequate ? 'Yes' : 'No'}</Table.Td>
            <Table.Td fz="sm">{trialOutcomeLabels[t.outcome]}{t.outcomeNote ? `: ${t.outcomeNote}` : ''}</Table.Td>
            {onEdit && <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => onEdit(t)} aria-label={`Correct the ${t.drug} trial`}>Correct…</Button></Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function PsychotherapyTable({ trials, onEdit }: { trials: PsychotherapyTrial[]; onEdit: ((t: PsychotherapyTrial) => void) | null }) {
  return (
    <Table verticalSpacing={4} aria-label="Psychotherapy trials">
      <Table.Thead>
        <Table.Tr><Table.Th>Type</Table.Th><Table.Th>Dates</Table.Th><Table.Th>Sessions</Table.Th><Table.Th>Notes</Table.Th>{onEdit && <HiddenHeader />}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {trials.map((t) => (
          <Table.Tr key={t.id}>
            <Table.Td fw={600}>{psychotherapyTypeLabels[t.therapyType]}</Table.Td>
            <Table.Td fz="sm">{dates(t.startedOn, t.endedOn, 'ongoing')}</Table.Td>
            <Table.Td fz="sm">{t.sessions}</Table.Td>
            <Table.Td fz="sm">{t.notes || '—'}</Table.Td>
            {onEdit && <Table.Td><Button size="compact-xs" variant="subtle" onClick={() => onEdit(t)} aria-label={`Correct the ${psychotherapyTypeLabels[t.therapyType]} trial`}>Correct…</Button></Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function MedicationsTable({ medications, onChange }: { medications: CurrentMedication[]; onChange: ((m: CurrentMedication) => void) | null }) {
  return (
    <Table verticalSpacing={4} aria-label="Current medications">
      <Table.Thead>
        <Table.Tr><Table.Th>Drug</Table.Th><Table.Th>Dose</Table.Th><Table.Th>Taken</Table.Th><Table.Th>Last change</Table.Th><Table.Th>TMS</Table.Th>{onChange && <HiddenHeader />}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {medications.map((m) => (
          <Table.Tr key={m.id} c={m.stoppedOn ? 'dimmed' : undefined}>
            <Table.Td fw={600}>{m.drug}{m.drugClass && <Text span fz="xs" c="dimmed"> ({m.drugClass})</Text>}</Table.Td>
            <Table.Td fz="sm">{m.dose}</Table.Td>
            <Table.Td fz="sm">{m.stoppedOn ? `${dates(m.startedOn, m.stoppedOn, '')} (stopped)` : `since ${formatDate(m.startedOn)}`}</Table.Td>
            <Table.Td fz="sm">{formatDate(m.changedOn)}</Table.Td>
            <Table.Td fz="sm">
              {m.excitability ? <Badge color={WARNING_COLOR} variant="outline" size="sm" title={excitabilityEffectLabels[m.excitability]}>⚠ {excitabilityEffectLabels[m.excitability]}</Badge> : '—'}
            </Table.Td>
            {onChange && <Table.Td>{!m.stoppedOn && <Button size="compact-xs" variant="subtle" onClick={() => onChange(m)} aria-label={`Change or stop ${m.drug}`}>Change…</Button>}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A patient's treatment history: antidepressant and psychotherapy trials, and the medications taken now. */
export function TreatmentHistoryPanel({ patientId, archived }: { patientId: number; archived: boolean }) {
  const history = useTreatmentHistory(patientId);
  const can = useCan();
  const editable = !archived && can('history:saveTrial');
  const [trial, setTrial] = useState<AntidepressantTrialRecord | 'new' | null>(null);
  const [therapy, setTherapy] = useState<PsychotherapyTrial | 'new' | null>(null);
  const [addingMedication, setAddingMedication] = useState(false);
  const [changing, setChanging] = useState<CurrentMedication | null>(null);
  const h = history.data;
  const add = (label: string, onClick: () => void) => (editable ? <Button size="compact-sm" variant="default" onClick={onClick}>{label}</Button> : null);
  return (
    <Paper withBorder p="md" aria-label="Treatment history" component="section">
      <Title order={2} size="h4" mb="sm">Treatment history</Title>
      <ErrorNotice error={history.error} title="Could not load the treatment history" />
      {h && (
        <Stack gap="md">
          <Section title={`Antidepressant trials (${h.trials.length})`} action={add('Add trial', () => setTrial('new'))} empty={h.trials.length ? null : 'No antidepressant trial recorded. Payers ask for the failed trials: drug, dose, dates, adequacy and outcome.'}>
            <TrialsTable trials={h.trials} onEdit={editable ? setTrial : null} />
          </Section>
          <Section title={`Psychotherapy (${h.psychotherapy.length})`} action={add('Add psychotherapy', () => setTherapy('new'))} empty={h.psychotherapy.length ? null : 'No psychotherapy recorded.'}>
            <PsychotherapyTable trials={h.psychotherapy} onEdit={editable ? setTherapy : null} />
          </Section>
          <Section title="Current medications" action={add('Add medication', () => setAddingMedication(true))} empty={h.medications.length ? null : 'No medication recorded. Add what the patient takes now; bupropion, stimulants, benzodiazepines and anticonvulsants are flagged.'}>
            <MedicationsTable medications={h.medications} onChange={editable ? setChanging : null} />
          </Section>
        </Stack>
      )}
      <TrialDialog patientId={patientId} trial={trial === 'new' ? null : trial} opened={trial !== null} onClose={() => setTrial(null)} />
      <PsychotherapyDialog patientId={patientId} trial={therapy === 'new' ? null : therapy} opened={therapy !== null} onClose={() => setTherapy(null)} />
      <AddMedicationDialog patientId={patientId} opened={addingMedication} onClose={() => setAddingMedication(false)} />
      <ChangeMedicationDialog medication={changing} onClose={() => setChanging(null)} />
    </Paper>
  );
}
