import { Modal, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { localIsoDate } from '../../../shared/dates';
import { type ScreeningAnswers, type ScreeningQuestion, screeningQuestionLabels, screeningQuestions } from '../../../shared/schemas/screening';
import { WARNING_COLOR } from '../../app/theme';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useTreatmentHistory } from '../history/queries';
import { useReadinessMutation } from './queries';

type Answer = 'yes' | 'no' | '';

interface Props {
  courseId: number;
  patientId: number;
  opened: boolean;
  onClose(): void;
}

/** The TMS safety screening questionnaire: every question answered yes or no, details for a yes. */
export function ScreeningDialog(props: Props) {
  return props.opened ? <ScreeningForm {...props} /> : null;
}

function ScreeningForm({ courseId, patientId, onClose }: Props) {
  const record = useReadinessMutation('screening:record');
  const history = useTreatmentHistory(patientId);
  const { formError, run, errorFor } = useServerForm();
  const [screenedOn, setScreenedOn] = useState(localIsoDate(new Date()));
  const [answers, setAnswers] = useState<Record<ScreeningQuestion, Answer>>(() => Object.fromEntries(screeningQuestions.map((q) => [q, ''])) as Record<ScreeningQuestion, Answer>);
  const [details, setDetails] = useState('');
  const flagged = (history.data?.medications ?? []).filter((m) => m.excitability && !m.stoppedOn);
  const unanswered = screeningQuestions.filter((q) => answers[q] === '');
  const [triedUnanswered, setTriedUnanswered] = useState(false);
  const submit = async () => {
    if (unanswered.length > 0) {
      setTriedUnanswered(true);
      return;
    }
    const parsed = Object.fromEntries(screeningQuestions.map((q) => [q, answers[q] === 'yes'])) as ScreeningAnswers;
    const done = await run(() => record.mutateAsync({ courseId, screenedOn, answers: parsed, details }), { screenedOn, details });
    if (done) onClose();
  };
  return (
    <Modal opened onClose={onClose} title="TMS safety screening" centered size="xl">
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <TextInput label="Screened on" type="date" w={200} value={screenedOn} onChange={(e) => setScreenedOn(e.currentTarget.value)} error={errorFor('screenedOn', screenedOn)} />
          <Table verticalSpacing={4} aria-label="Screening questions">
            <Table.Tbody>
              {screeningQuestions.map((q) => (
                <Table.Tr key={q}>
                  <Table.Td fz="sm" id={`screening-${q}`}>
                    {screeningQuestionLabels[q]}
                    {q === 'excitability_medications' && flagged.length > 0 && (
                      <Text size="xs" c="dimmed">On the medication list: {flagged.map((m) => `${m.drug} ${m.dose}`).join(', ')}</Text>
                    )}
                    {triedUnanswered && answers[q] === '' && <Text size="xs" c="red">Answer yes or no</Text>}
                  </Table.Td>
                  <Table.Td w={130}>
                    <SegmentedControl
                      size="xs"
                      aria-labelledby={`screening-${q}`}
                      value={answers[q]}
                      onChange={(v) => setAnswers((a) => ({ ...a, [q]: v as Answer }))}
                      data={[{ value: 'no', label: 'No' }, { value: 'yes', label: 'Yes' }]}
                      color={answers[q] === 'yes' ? WARNING_COLOR : undefined}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Textarea label="Details of any yes" autosize minRows={2} value={details} onChange={(e) => setDetails(e.currentTarget.value)} error={errorFor('details', details)} />
          {triedUnanswered && unanswered.length > 0 && <Text size="sm" c="red" role="alert">Answer every question: {unanswered.length} still open.</Text>}
          <ErrorNotice error={formError} title="Not recorded" />
        </Stack>
        <DialogActions onClose={onClose} label="Record screening" loading={record.isPending} />
      </form>
    </Modal>
  );
}
