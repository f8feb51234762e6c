import { Group, Modal, NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { machineOutputPct, mtMethods } from '../../../shared/clinical';
import { localIsoDate } from '../../../shared/dates';
import type { Course } from '../../../shared/schemas/course';
import { mtMethodLabels } from '../../../shared/schemas/motorThreshold';
import { DialogActions } from '../../components/DialogActions';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useServerForm } from '../../components/useServerForm';
import { useActor } from '../../session/auth';
import { useStaffList } from '../staff/queries';
import { useClinicalMutation } from './queries';
import { WARNING_COLOR } from '../../app/theme';
import { ClinicDateInput } from '../../components/ClinicDateInput';
import { useErrorSummary } from '../../forms/useErrorSummary';

interface DialogProps {
  course: Course;
  opened: boolean;
  onClose(): void;
}

/** %MSO preview as the threshold is typed, from the same function main uses. */
function msoPreview(rmt: string, intensityPctMt: number): string {
  const value = Number(rmt);
  if (!rmt || !Number.isFinite(value) || value <= 0) return ' ';
  try {
    return `Prescribed ${intensityPctMt}% MT = ${machineOutputPct(value, intensityPctMt)}% MSO at this threshold`;
  } catch (error) {
    return (error as Error).message;
  }
}

export function RecordMotorThresholdDialog({ course, opened, onClose }: DialogProps) {
  const actor = useActor();
  const staff = useStaffList();
  const record = useClinicalMutation('motorThresholds:record');
  const { formError, run, errorFor } = useServerForm();
  const { formRef, failed, summary } = useErrorSummary();
  const [measuredOn, setMeasuredOn] = useState(localIsoDate(new Date()));
  const [rmt, setRmt] = useState('');
  const [method, setMethod] = useState<(typeof mtMethods)[number]>('emg');
  const [coil, setCoil] = useState(course.coil);
  const [measuredById, setMeasuredById] = useState(String(actor.id));
  const [notes, setNotes] = useState('');
  const submit = async () => {
    const done = await run(() =>
      record.mutateAsync({
        courseId: course.id, measuredOn, rmtPctMso: rmt === '' ? Number.NaN : Number(rmt), method, coil,
        measuredById: Number(measuredById), notes,
      }),
      { rmtPctMso: rmt, measuredOn, coil, measuredById, notes },
    );
    if (done) {
      setRmt('');
      setNotes('');
      onClose();
    } else failed();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Record resting motor threshold" centered size="lg">
      <form ref={formRef} onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          {summary}
          <Group grow align="flex-start">
            <TextInput label="Resting MT (% MSO)" type="number" data-autofocus value={rmt} onChange={(e) => setRmt(e.currentTarget.value)} error={errorFor('rmtPctMso', rmt)} description={msoPreview(rmt, course.intensityPctMt)} inputWrapperOrder={['label', 'input', 'description', 'error']} />
            <ClinicDateInput label="Measured on" value={measuredOn} onChange={setMeasuredOn} error={errorFor('measuredOn', measuredOn)} />
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>Method</Text>
            <SegmentedControl fullWidth value={method} onChange={(v) => setMethod(v as typeof method)} data={mtMethods.map((m) => ({ value: m, label: mtMethodLabels[m] }))} />
            {method === 'visual' && <Text size="xs" c={WARNING_COLOR} mt={4}>Visual thresholds read on average about 11% higher than EMG ones; this one will be flagged.</Text>}
          </div>
          <Group grow align="flex-start">
            <TextInput label="Coil" value={coil} onChange={(e) => setCoil(e.currentTarget.value)} error={errorFor('coil', coil)} />
            <NativeSelect label="Measured by" value={measuredById} onChange={(e) => setMeasuredById(e.currentTarget.value)} data={(staff.data ?? []).map((s) => ({ value: String(s.id), label: s.name }))} error={errorFor('measuredById', measuredById)} />
          </Group>
          <Textarea label="Notes" placeholder="e.g. re-measured after a medication change" autosize minRows={1} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errorFor('notes', notes)} />
          <ErrorNotice error={formError} title="Not recorded" />
        </Stack>
        <DialogActions onClose={onClose} label="Record threshold" loading={record.isPending} />
      </form>
    </Modal>
  );
}

export function AuthorizationDialog({ course, delivered, opened, onClose }: DialogProps & { delivered: number }) {
  const authorize = useClinicalMutation('courses:authorize');
  const { formError, run, errorFor } = useServerForm();
  const [sessions, setSessions] = useState(String(course.authorizedSessions));
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    if (await run(() => authorize.mutateAsync({ courseId: course.id, version: course.version, authorizedSessions: sessions === '' ? Number.NaN : Number(sessions), reference, note }), { authorizedSessions: sessions, reference, note })) onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Update payer authorization" centered>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <Text size="sm">Currently {course.authorizedSessions} sessions authorized. Enter the new total (payers usually extend in blocks).</Text>
          <TextInput
            label="Sessions authorized in total"
            description={`At least ${delivered}: the sessions already delivered`}
            type="number"
            min={delivered}
            data-autofocus
            value={sessions}
            onChange={(e) => setSessions(e.currentTarget.value)}
            error={errorFor('authorizedSessions', sessions)}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
          />
          <TextInput label="Authorization reference" value={reference} onChange={(e) => setReference(e.currentTarget.value)} error={errorFor('reference', reference)} />
          <TextInput label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errorFor('note', note)} />
          <ErrorNotice error={formError} title="Not saved" />
        </Stack>
        <DialogActions onClose={onClose} label="Save authorization" loading={authorize.isPending} />
      </form>
    </Modal>
  );
}

export function EndCourseDialog({ course, opened, onClose }: DialogProps) {
  const actor = useActor();
  const end = useClinicalMutation('courses:end');
  const { formError, run, errorFor } = useServerForm();
  const [status, setStatus] = useState<'completed' | 'discontinued'>('completed');
  const [on, setOn] = useState(localIsoDate(new Date()));
  const [reason, setReason] = useState('');
  const submit = async () => {
    if (await run(() => end.mutateAsync({ courseId: course.id, version: course.version, status, on, reason }), { on, reason })) onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="End the course" centered>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <SegmentedControl value={status} onChange={(v) => setStatus(v as typeof status)} data={[{ value: 'completed', label: 'Completed' }, { value: 'discontinued', label: 'Discontinued' }]} />
          <ClinicDateInput label="Last day" value={on} onChange={setOn} error={errorFor('on', on)} />
          <Textarea label={status === 'discontinued' ? 'Reason (required)' : 'Note'} data-autofocus autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errorFor('reason', reason)} />
          <Text size="xs" c="dimmed">Recorded as {status} by {actor.name}. No sessions can be logged afterwards.</Text>
          <ErrorNotice error={formError} title="Not saved" />
        </Stack>
        <DialogActions onClose={onClose} label={status === 'completed' ? 'Complete course' : 'Discontinue course'} loading={end.isPending} color={status === 'discontinued' ? 'red' : undefined} />
      </form>
    </Modal>
  );
}

export function ClearReviewDialog({ course, opened, onClose }: DialogProps) {
  const clear = useClinicalMutation('courses:clearReview');
  const { formError, run, errorFor } = useServerForm();
  const [note, setNote] = useState('');
  const submit = async () => {
    if (await run(() => clear.mutateAsync({ courseId: course.id, version: course.version, note }), { note })) onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Psychiatrist review" centered>
      <form onSubmit={(e) => { e.preventDefault(); void submit(); }} noValidate>
        <Stack gap="sm">
          <Text size="sm">{course.reviewReason}</Text>
          <Textarea label="Review note" description="What was decided; recorded with your name." data-autofocus autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errorFor('note', note)} />
          <ErrorNotice error={formError} title="Not saved" />
        </Stack>
        <DialogActions onClose={onClose} label="Mark as reviewed" loading={clear.isPending} />
      </form>
    </Modal>
  );
}
