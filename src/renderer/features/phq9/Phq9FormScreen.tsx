import { Alert, Button, Group, Paper, Radio, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  missingPhq9Items,
  PHQ9_ANSWERS,
  PHQ9_DIFFICULTY_QUESTION,
  PHQ9_ITEMS,
  PHQ9_STEM,
  type Phq9Difficulty,
  phq9Difficulties,
  phq9DifficultyLabels,
  scorePhq9,
} from '../../../shared/clinical';
import { localIsoDate } from '../../../shared/dates';
import type { Phq9Assessment } from '../../../shared/schemas/phq9';
import { DraftNotice } from '../../components/DraftNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useServerForm } from '../../components/useServerForm';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { patientName } from '../../format';
import { useStateDraft } from '../../forms/useStateDraft';
import { useClinicalMutation } from '../courses/queries';
import { PatientBanner } from '../patients/PatientBanner';
import { usePatient } from '../patients/queries';
import { usePatientIdParam } from '../patients/usePatientIdParam';
import { AcknowledgeItem9Dialog } from './AcknowledgeItem9Dialog';
import { SeverityBadge } from './SeverityBadge';
import classes from './Phq9FormScreen.module.css';
import { ClinicDateInput } from '../../components/ClinicDateInput';

type Answers = (number | null)[];

interface Phq9Draft {
  answers: Answers;
  difficulty: Phq9Difficulty | null;
  assessedOn: string;
  notes: string;
}

function LiveScore({ answers }: { answers: Answers }) {
  const missing = missingPhq9Items(answers);
  if (missing.length > 0) return <Text size="sm" c="dimmed" data-testid="phq9-live">{9 - missing.length} of 9 answered</Text>;
  const score = scorePhq9(answers as number[]);
  return (
    <Group gap="xs" data-testid="phq9-live">
      <Text fw={700}>Total {score.total}</Text>
      <SeverityBadge total={score.total} severity={score.severity} />
    </Group>
  );
}

/** Where the form was opened from (the course, the patient, the today list), passed in the location's state. */
function returnPathOf(state: unknown, patientId: number): string {
  const to = state && typeof state === 'object' && 'returnTo' in state ? (state as { returnTo: unknown }).returnTo : null;
  return typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') ? to : `/patients/${patientId}`;
}

export function Phq9FormScreen() {
  const navigate = useNavigate();
  const location = useLocation();
  const patientId = usePatientIdParam();
  const patient = usePatient(patientId);
  const create = useClinicalMutation('phq9:create');
  const { fieldErrors, formError, run } = useServerForm();
  const [answers, setAnswers] = useState<Answers>(Array(9).fill(null));
  const [difficulty, setDifficulty] = useState<Phq9Difficulty | null>(null);
  const [assessedOn, setAssessedOn] = useState(localIsoDate(new Date()));
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState<Phq9Assessment | null>(null);
  // Set once the form is saved (or cancelled): the form is clean from then on, and the effect
  // below leaves after the render that told the unsaved-changes guard so (navigating in the same
  // tick as the save would meet the guard's previous "dirty" and ask "Leave without saving?").
  const [leaving, setLeaving] = useState(false);
  const returnTo = returnPathOf(location.state, patientId);
  useEffect(() => {
    if (leaving) void navigate(returnTo, { replace: true });
  }, [leaving, navigate, returnTo]);
  const rows = useRef<Array<HTMLDivElement | null>>([]);
  const restoreDraft = useCallback((d: Phq9Draft) => {
    setAnswers(d.answers);
    setDifficulty(d.difficulty);
    setAssessedOn(d.assessedOn);
    setNotes(d.notes);
  }, []);
  const draft = useStateDraft<Phq9Draft>(`phq9.${patientId}`, { answers, difficulty, assessedOn, notes }, answers.some((a) => a !== null) || notes !== '', restoreDraft);

  if (patient.isPending) return <Loading />;
  if (!patient.data) return <ErrorNotice error={patient.error} title="Could not load the patient" />;
  const p = patient.data;
  const back = () => setLeaving(true);
  const cancel = () => {
    draft.discard();
    void navigate(returnTo);
  };

  const answer = (index: number, value: number) => {
    setAnswers((current) => current.map((a, i) => (i === index ? value : a)));
    rows.current[index + 1]?.focus();
  };

  const submit = async () => {
    let created: Phq9Assessment | null = null;
    const ok = await run(async () => {
      created = await create.mutateAsync({ patientId: p.id, assessedOn, answers, difficulty, notes });
    });
    if (!ok || !created) return;
    draft.clear();
    if ((created as Phq9Assessment).item9Positive) setSaved(created);
    else back();
  };

  const item9 = answers[8];
  return (
    <Stack gap="md" maw={1000}>
      <PatientBanner patient={p} />
      {draft.offered && <DraftNotice savedAt={draft.offered.savedAt} onRestore={draft.restore} onDiscard={draft.discard} />}
      <UnsavedChangesGuard dirty={answers.some((a) => a !== null) && !create.isSuccess && saved === null && !leaving} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>PHQ-9</Title>
          <Text size="sm" c="dimmed">{PHQ9_STEM} Keyboard: type 0–3 on an item to answer it and move to the next.</Text>
        </div>
        <ClinicDateInput label="Date completed" value={assessedOn} onChange={setAssessedOn} error={fieldErrors['assessedOn']} w={180} />
      </Group>
      {fieldErrors['answers'] && <Alert color="red" variant="light" role="alert" data-testid="phq9-missing">{fieldErrors['answers']}</Alert>}
      <Paper withBorder>
        <Table verticalSpacing={6} aria-label="PHQ-9 items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <Table.Th />
              {PHQ9_ANSWERS.map((label, value) => <Table.Th key={label} ta="center" w={96} fz="xs">{label} ({value})</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {PHQ9_ITEMS.map((text, index) => {
              const error = fieldErrors[`answers.${index}`];
              return (
                <Table.Tr key={text} className={error ? classes.missing : index === 8 && (item9 ?? 0) > 0 ? classes.item9 : undefined}>
                  <Table.Td fw={600}>{index + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{text}</Text>
                    {error && <Text size="xs" c="red" fw={600}>{error}</Text>}
                  </Table.Td>
                  <Table.Td colSpan={4} p={0}>
                    <Radio.Group
                      value={answers[index] === null ? '' : String(answers[index])}
                      onChange={(v) => answer(index, Number(v))}
                      aria-label={`Item ${index + 1}`}
                    >
                      <div
                        className={classes.choices}
                        tabIndex={0}
                        data-testid={`phq9-item-${index + 1}`}
                        ref={(el) => { rows.current[index] = el; }}
                        onKeyDown={(e) => {
                          if (/^[0-3]$/.test(e.key)) {
                            e.preventDefault();
                            answer(index, Number(e.key));
                          }
                        }}
                      >
                        {PHQ9_ANSWERS.map((label, value) => (
                          <Radio key={label} value={String(value)} aria-label={`Item ${index + 1}: ${label}`} className={classes.choice} />
                        ))}
                      </div>
                    </Radio.Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {(item9 ?? 0) > 0 && (
        <Alert color="red" variant="filled" title="Item 9 is positive">
          Thoughts of being better off dead or of self-harm were reported. A clinician must see this today; you will be asked to acknowledge it after saving.
        </Alert>
      )}
      <Paper withBorder p="md">
        <Text size="sm" mb={6}>{PHQ9_DIFFICULTY_QUESTION} <Text span c="dimmed">(not scored)</Text></Text>
        <SegmentedControl
          value={difficulty ?? ''}
          onChange={(v) => setDifficulty(v as Phq9Difficulty)}
          data={phq9Difficulties.map((d) => ({ value: d, label: phq9DifficultyLabels[d] }))}
        />
        <Textarea mt="sm" label="Notes" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      </Paper>
      <ErrorNotice error={formError} title="Not saved" />
      <Group justify="space-between">
        <LiveScore answers={answers} />
        <Group>
          <Button variant="default" onClick={cancel}>Cancel</Button>
          <Button onClick={() => void submit()} loading={create.isPending} disabled={create.isSuccess || leaving}>Save PHQ-9</Button>
        </Group>
      </Group>
      <AcknowledgeItem9Dialog assessment={saved} patientName={patientName(p)} onClose={back} />
    </Stack>
  );
}
