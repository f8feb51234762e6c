import { Alert, Button, Group, Kbd, Paper, Radio, SegmentedControl, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import {
  isScaleId,
  missingItems,
  PHQ9_DIFFICULTY_QUESTION,
  type Phq9Difficulty,
  phq9Difficulties,
  phq9DifficultyLabels,
  type ScaleDefinition,
  scaleDefinition,
  type ScaleId,
  scoreAssessment,
} from '../../../shared/clinical';
import { localIsoDate } from '../../../shared/dates';
import type { Assessment } from '../../../shared/schemas/assessment';
import { DraftNotice } from '../../components/DraftNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useServerForm } from '../../components/useServerForm';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { patientName } from '../../format';
import { useCan } from '../../session/auth';
import { useErrorSummary } from '../../forms/useErrorSummary';
import { useStateDraft } from '../../forms/useStateDraft';
import { NotFoundScreen } from '../../app/NotFoundScreen';
import { returnPathOf } from '../../app/returnTo';
import { ClinicDateInput } from '../../components/ClinicDateInput';
import { useClinicalMutation } from '../courses/queries';
import { PatientBanner } from '../patients/PatientBanner';
import { usePatient } from '../patients/queries';
import { usePatientIdParam } from '../patients/usePatientIdParam';
import { AcknowledgeSuicideItemDialog } from './AcknowledgeSuicideItemDialog';
import { ScaleSeverityBadge } from './ScaleSeverityBadge';
import classes from './AssessmentForm.module.css';
import { HiddenHeader } from '../../components/HiddenHeader';

type Answers = (number | null)[];

interface AssessmentDraft {
  answers: Answers;
  difficulty: Phq9Difficulty | null;
  assessedOn: string;
  notes: string;
}

function LiveScore({ scale, answers }: { scale: ScaleId; answers: Answers }) {
  const def = scaleDefinition(scale);
  const missing = missingItems(scale, answers);
  if (missing.length > 0) return <Text size="sm" c="dimmed" data-testid={`${scale}-live`}>{def.items.length - missing.length} of {def.items.length} answered</Text>;
  const score = scoreAssessment(scale, answers as number[]);
  return (
    <Group gap="xs" data-testid={`${scale}-live`}>
      <Text fw={700}>{def.items.length === 1 ? 'Rating' : 'Total'} {score.total}</Text>
      <ScaleSeverityBadge scale={scale} total={score.total} />
    </Group>
  );
}

/** All items share one answer list (PHQ-9, GAD-7): its labels head the columns. */
function sharedAnswers(def: ScaleDefinition): readonly string[] | null {
  const [first, ...rest] = def.items;
  if (!first) return null;
  return rest.every((i) => i.min === first.min && i.answers.join('|') === first.answers.join('|')) ? first.answers : null;
}

/** The route's scale: `/patients/:patientId/assessments/:scale/new`, or the fixed PHQ-9 route. */
export function AssessmentFormScreen({ scale: fixed }: { scale?: ScaleId }) {
  const params = useParams();
  const scale = fixed ?? params['scale'];
  if (!scale || !isScaleId(scale)) return <NotFoundScreen />;
  return <ScaleForm key={scale} scale={scale} />;
}

/**
 * One form for every scale, driven by its definition: keyboard-first (a digit answers the focused
 * item and moves to the next), live total and band, the items each with its own answers, the
 * PHQ-9's difficulty question, drafts kept while typing, and the suicide-item acknowledgement
 * asked for right after saving.
 */
function ScaleForm({ scale }: { scale: ScaleId }) {
  const def = scaleDefinition(scale);
  const navigate = useNavigate();
  const location = useLocation();
  const patientId = usePatientIdParam();
  const patient = usePatient(patientId);
  const create = useClinicalMutation('assessments:create');
  const { errorFor, formError, run } = useServerForm();
  const canAcknowledge = useCan()('assessments:acknowledge');
  const { formRef, failed, summary: errorSummary } = useErrorSummary();
  const [answers, setAnswers] = useState<Answers>(() => def.items.map(() => null));
  const [difficulty, setDifficulty] = useState<Phq9Difficulty | null>(null);
  const [assessedOn, setAssessedOn] = useState(localIsoDate(new Date()));
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState<Assessment | null>(null);
  const [leaving, setLeaving] = useState(false);
  const returnTo = returnPathOf(location.state, `/patients/${patientId}`);
  useEffect(() => {
    if (leaving) void navigate(returnTo, { replace: true });
  }, [leaving, navigate, returnTo]);
  const rows = useRef<Array<HTMLDivElement | null>>([]);
  const restoreDraft = useCallback((d: AssessmentDraft) => {
    setAnswers(d.answers);
    setDifficulty(d.difficulty);
    setAssessedOn(d.assessedOn);
    setNotes(d.notes);
  }, []);
  const draft = useStateDraft<AssessmentDraft>(`${scale}.${patientId}`, { answers, difficulty, assessedOn, notes }, answers.some((a) => a !== null) || notes !== '', restoreDraft);

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
    let created: Assessment | null = null;
    const ok = await run(async () => {
      created = await create.mutateAsync({ patientId: p.id, scale, assessedOn, answers, difficulty: scale === 'phq9' ? difficulty : null, notes });
    }, { assessedOn, answers, ...Object.fromEntries(answers.map((a, i) => [`answers.${i}`, a])) });
    if (!ok || !created) {
      failed();
      return;
    }
    draft.clear();
    if ((created as Assessment).suicideItemPositive) setSaved(created);
    else back();
  };

  const shared = sharedAnswers(def);
  const lowest = Math.min(...def.items.map((i) => i.min));
  const highest = Math.max(...def.items.map((i) => i.max));
  const columns = highest - lowest + 1;
  const suicideIndex = def.suicideItem === null ? -1 : def.suicideItem - 1;
  const suicideAnswer = suicideIndex >= 0 ? answers[suicideIndex] ?? 0 : 0;
  return (
    <Stack gap="md" maw={1100}>
      <form ref={formRef} noValidate aria-label={def.name} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Stack gap="md">
      <PatientBanner patient={p} />
      {draft.offered && <DraftNotice savedAt={draft.offered.savedAt} onRestore={draft.restore} onDiscard={draft.discard} />}
      <UnsavedChangesGuard dirty={answers.some((a) => a !== null) && !create.isSuccess && saved === null && !leaving} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">{def.name}</Title>
          <Text size="sm">{def.fullName} · {def.rater === 'self' ? 'self-report' : 'clinician-rated'} · {def.source}</Text>
          <Text size="sm" c="dimmed">{def.stem} Keyboard: type {lowest}–{highest} on an item to answer it and move to the next.</Text>
        </div>
        <ClinicDateInput label="Date completed" value={assessedOn} onChange={setAssessedOn} error={errorFor('assessedOn', assessedOn)} w={180} />
      </Group>
      {errorSummary}
      {errorFor('answers', answers) && <Alert color="red" variant="light" role="alert" data-testid={`${scale}-missing`}>{errorFor('answers', answers)}</Alert>}
      <Paper withBorder>
        <Table verticalSpacing={6} aria-label={`${def.name} items`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36}>#</Table.Th>
              <HiddenHeader label="Item" />
              {Array.from({ length: columns }, (_, k) => (
                <Table.Th key={k} ta="center" w={shared ? 96 : 44} fz="xs">{shared ? `${shared[k] ?? ''} (${k + lowest})` : k + lowest}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {def.items.map((item, index) => {
              const error = errorFor(`answers.${index}`, answers[index]);
              const value = answers[index];
              return (
                <Table.Tr key={item.label} className={error ? classes.missing : index === suicideIndex && (value ?? 0) > 0 ? classes.suicide : undefined}>
                  <Table.Td fw={600}>{index + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={shared ? 400 : 600}>{shared ? item.text : item.label}</Text>
                    {!shared && <Text size="xs" c="dimmed">{item.text}</Text>}
                    {!shared && value !== null && value !== undefined && <Text size="xs" data-testid={`${scale}-anchor-${index + 1}`}>{value}: {item.answers[value - item.min]}</Text>}
                    {error && <Text size="xs" c="red" fw={600}>{error}</Text>}
                  </Table.Td>
                  <Table.Td colSpan={columns} p={0}>
                    <Radio.Group value={value === null || value === undefined ? '' : String(value)} onChange={(v) => answer(index, Number(v))}>
                      <div
                        className={classes.choices}
                        style={{ gridTemplateColumns: `repeat(${columns}, ${shared ? 96 : 44}px)` }}
                        tabIndex={0}
                        role="radiogroup"
                        id={`${scale}-item-${index + 1}`}
                        aria-label={`Item ${index + 1}`}
                        aria-invalid={error ? true : undefined}
                        data-testid={`${scale}-item-${index + 1}`}
                        data-route-focus={index === 0 ? true : undefined}
                        ref={(el) => { rows.current[index] = el; }}
                        onKeyDown={(e) => {
                          if (!/^[0-9]$/.test(e.key)) return;
                          const digit = Number(e.key);
                          if (digit < item.min || digit > item.max) return;
                          e.preventDefault();
                          answer(index, digit);
                        }}
                      >
                        {Array.from({ length: columns }, (_, k) => {
                          const v = k + lowest;
                          if (v < item.min || v > item.max) return <span key={v} aria-hidden />;
                          const label = item.answers[v - item.min] ?? String(v);
                          return <Radio key={v} value={String(v)} aria-label={`Item ${index + 1}: ${label}`} title={`${v}: ${label}`} className={classes.choice} />;
                        })}
                      </div>
                    </Radio.Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      {suicideAnswer > 0 && (
        <Alert color="red" variant="filled" title={`Item ${def.suicideItem} is positive (${def.items[suicideIndex]?.label.toLowerCase() ?? 'suicide'})`}>
          {def.items[suicideIndex]?.label} was rated {suicideAnswer}. A clinician must see this today; {canAcknowledge ? 'you will be asked to acknowledge it after saving' : 'after saving, tell a psychiatrist, who acknowledges it'}.
        </Alert>
      )}
      <Paper withBorder p="md">
        {scale === 'phq9' && (
          <>
            <Text size="sm" mb={6}>{PHQ9_DIFFICULTY_QUESTION} <Text span c="dimmed">(not scored)</Text></Text>
            <SegmentedControl value={difficulty ?? ''} onChange={(v) => setDifficulty(v as Phq9Difficulty)} data={phq9Difficulties.map((d) => ({ value: d, label: phq9DifficultyLabels[d] }))} />
          </>
        )}
        <Textarea mt={scale === 'phq9' ? 'sm' : 0} label="Notes" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      </Paper>
      <ErrorNotice error={formError} title="Not saved" />
      <Group justify="space-between">
        <LiveScore scale={scale} answers={answers} />
        <Group>
          <Button variant="default" onClick={cancel}>Cancel</Button>
          <Button type="submit" loading={create.isPending} disabled={create.isSuccess || leaving} rightSection={<Kbd size="xs">Ctrl ↵</Kbd>}>Save {def.name}</Button>
        </Group>
      </Group>
      </Stack>
      </form>
      <AcknowledgeSuicideItemDialog assessment={saved} patientName={patientName(p)} onClose={back} />
    </Stack>
  );
}
