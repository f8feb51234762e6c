import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Divider, Group, Kbd, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { FormProvider, type Path, type Resolver, useFieldArray, useForm } from 'react-hook-form';
import { useLocation, useNavigate, useParams } from 'react-router';
import type { CourseDetail } from '../../../shared/schemas/course';
import type { Credentials } from '../../../shared/schemas/credentials';
import { type SessionFields, type SessionPrepared, sessionFields } from '../../../shared/schemas/session';
import { AppError } from '../../api/client';
import { applyServerError } from '../../api/formErrors';
import { DraftNotice } from '../../components/DraftNotice';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { formatDate } from '../../format';
import { toNumber } from '../../forms/numberInput';
import { useFormDraft } from '../../forms/useFormDraft';
import { AuditHistory } from '../audit/AuditHistory';
import { useClinicalMutation, useCourse, useSessionPrepare } from '../courses/queries';
import { PatientBanner } from '../patients/PatientBanner';
import { CoilPositionFields } from './CoilPositionFields';
import { CosignDialog } from './CosignDialog';
import { DeliveryFindings, DosingThreshold, useSessionCheck } from './DeliveryFindings';
import { AdverseEventsField, SideEffectsField } from './SideEffectsField';
import { FormDateInput } from '../../forms/FormDateInput';
import { returnPathOf } from '../../app/returnTo';
import { useErrorSummary } from '../../forms/useErrorSummary';

const resolver = zodResolver(sessionFields) as Resolver<SessionFields>;
const formFields = Object.keys(sessionFields.shape) as Path<SessionFields>[];

interface Props {
  detail: CourseDetail;
  prepared: SessionPrepared;
  sessionId?: number;
}

function SessionForm({ detail, prepared, sessionId }: Props) {
  const navigate = useNavigate();
  const location = useLocation();
  const create = useClinicalMutation('sessions:create');
  const correct = useClinicalMutation('sessions:correct');
  const submitPending = useClinicalMutation('sessions:submitForCosign');
  const [cosignFindings, setCosignFindings] = useState<string | null>(null);
  const correcting = sessionId !== undefined;
  const original = detail.sessions.find((s) => s.id === sessionId);
  const [correctionReason, setCorrectionReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<SessionFields>({ resolver, defaultValues: prepared.values });
  const interruptions = useFieldArray({ control: form.control, name: 'interruptions' });
  const check = useSessionCheck(form.control, detail, sessionId);
  const draft = useFormDraft(form, correcting ? `session-correction.${sessionId}.v${original?.version ?? 0}` : `session.${detail.course.id}.${prepared.sessionNumber}`);
  const { errors, isDirty, isSubmitting } = form.formState;
  const { course } = detail;
  const num = { setValueAs: toNumber };

  const done = () => {
    draft.clear();
    navigate(returnPathOf(location.state, `/courses/${course.id}`), { replace: true });
  };
  const save = async (values: SessionFields, cosign: Credentials | null) => {
    if (correcting && original) {
      await correct.mutateAsync({ ...values, cosign, id: original.id, version: original.version, correctionReason });
    } else {
      await create.mutateAsync({ ...values, cosign });
    }
    done();
  };
  const { formRef, failed, summary: errorSummary } = useErrorSummary();
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setReasonError(null);
    setSaved(true);
    try {
      await save(values, null);
    } catch (error) {
      setSaved(false);
      if (error instanceof AppError && error.code === 'cosign_required') {
        // Everything else is valid: the only thing missing is a psychiatrist's signature.
        setCosignFindings(error.message);
        return;
      }
      setFormError(applyServerError(error, form.setError, formFields));
      if (error instanceof AppError) setReasonError(error.fields['correctionReason'] ?? null);
      failed();
    }
  }, failed);
  const cosignAndSave = async (cosign: Credentials) => {
    setSaved(true);
    try {
      await save(form.getValues(), cosign);
    } catch (error) {
      setSaved(false);
      throw error;
    }
  };
  const saveAsPending = async () => {
    setSaved(true);
    try {
      await submitPending.mutateAsync(form.getValues());
      done();
    } catch (error) {
      setSaved(false);
      throw error;
    }
  };

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        onSubmit={submit}
        noValidate
        aria-label="Treatment session"
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key === 's')) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <UnsavedChangesGuard dirty={isDirty && !saved} />
        <Stack gap="md" maw={1100}>
          {draft.offered && <DraftNotice savedAt={draft.offered.savedAt} onRestore={draft.restore} onDiscard={draft.discard} />}
          <Group justify="space-between" align="flex-end">
            <div>
              <Title order={1} size="h2">
                {correcting ? `Correct session ${prepared.sessionNumber}` : `Session ${prepared.sessionNumber} of ${course.plannedSessions}`}
              </Title>
              <Text size="sm" c="dimmed">
                {course.protocolName} ·{' '}
                {prepared.basedOn === 'previous_session' && `Filled in from the prescription and the previous session (${formatDate(prepared.previousSessionDate ?? '')}). Change only what was different.`}
                {prepared.basedOn === 'prescription' && 'First session: filled in from the prescription. Record the coil position carefully; later sessions repeat it.'}
                {prepared.basedOn === 'correction' && 'The session as saved. The correction and its reason are kept in the history.'}
              </Text>
            </div>
            <Group gap="xs">
              <Button variant="default" onClick={() => { draft.discard(); navigate(returnPathOf(location.state, `/courses/${course.id}`)); }}>Cancel</Button>
              <Button type="submit" loading={isSubmitting} rightSection={<Kbd size="xs">Ctrl ↵</Kbd>}>
                {correcting ? 'Save correction' : 'Save session'}
              </Button>
            </Group>
          </Group>
          {prepared.sessionNumber > course.authorizedSessions && !correcting && (
            <Alert color="orange" variant="light">Session {prepared.sessionNumber} is beyond the {course.authorizedSessions} sessions the payer authorized.</Alert>
          )}
          {detail.flags.filter((f) => f.kind.startsWith('mt_') || f.kind === 'review_required').map((f) => (
            <Alert key={f.kind} color={f.kind === 'review_required' ? 'red' : 'orange'} variant="light" py={6}>{f.message}</Alert>
          ))}
          {errorSummary}
          <ErrorNotice error={formError} title="Not saved" />
          {correcting && (
            <Textarea label="Reason for the correction" withAsterisk autosize minRows={1} value={correctionReason} onChange={(e) => setCorrectionReason(e.currentTarget.value)} error={reasonError} />
          )}

          <Paper withBorder p="md">
            <SimpleGrid cols={3}>
              <FormDateInput control={form.control} name="sessionDate" label="Date" error={errors.sessionDate?.message} />
              <TextInput label="Start time" type="time" {...form.register('startTime')} error={errors.startTime?.message} />
              <Stack gap={2}>
                <Text size="sm" fw={600}>Motor threshold</Text>
                <DosingThreshold check={check} />
                {errors.motorThresholdId?.message && <Text size="xs" c="red">{errors.motorThresholdId.message}</Text>}
              </Stack>
            </SimpleGrid>
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">Coil position</Title>
            <Stack gap="sm"><CoilPositionFields /></Stack>
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">Delivered</Title>
            <SimpleGrid cols={6}>
              <TextInput label={course.pattern === 'theta_burst' ? 'Intra-burst Hz' : 'Frequency (Hz)'} type="number" step="any" {...form.register('frequencyHz', num)} error={errors.frequencyHz?.message} />
              <TextInput label="Intensity (% MT)" type="number" step="any" {...form.register('intensityPctMt', num)} error={errors.intensityPctMt?.message} />
              <TextInput label="Output (% MSO)" type="number" {...form.register('intensityPctMso', num)} error={errors.intensityPctMso?.message} />
              <TextInput label="Trains planned" type="number" readOnly {...form.register('trainsPlanned', num)} error={errors.trainsPlanned?.message} />
              <TextInput
                label="Trains delivered"
                type="number"
                {...form.register('trainsDelivered', {
                  setValueAs: toNumber,
                  onChange: (e: { target: { value: string } }) => {
                    const trains = Number(e.target.value);
                    if (Number.isInteger(trains) && trains >= 0) form.setValue('pulsesDelivered', trains * course.dose.pulsesPerTrain);
                  },
                })}
                error={errors.trainsDelivered?.message}
              />
              <TextInput label="Pulses delivered" type="number" {...form.register('pulsesDelivered', num)} error={errors.pulsesDelivered?.message} />
            </SimpleGrid>
            <Divider my="sm" />
            <DeliveryFindings detail={detail} check={check} />
            <Stack gap={6} mt="sm">
              {interruptions.fields.map((field, index) => (
                <Group key={field.id} align="flex-start">
                  <TextInput w={140} label="After train" type="number" {...form.register(`interruptions.${index}.afterTrain`, num)} error={errors.interruptions?.[index]?.afterTrain?.message} />
                  <TextInput flex={1} label="Interruption reason" {...form.register(`interruptions.${index}.reason`)} error={errors.interruptions?.[index]?.reason?.message} />
                  <Button variant="subtle" color="gray" mt={25} onClick={() => interruptions.remove(index)}>Remove</Button>
                </Group>
              ))}
              <Group>
                <Button variant="light" size="compact-sm" onClick={() => interruptions.append({ afterTrain: Number(form.getValues('trainsDelivered')) || 0, reason: '' })}>
                  Add an interruption
                </Button>
              </Group>
            </Stack>
          </Paper>

          <SimpleGrid cols={2}>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">Side effects</Title>
              <SideEffectsField control={form.control} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">Serious adverse events</Title>
              <Text size="xs" c="dimmed" mb="xs">Any of these flags the course for a psychiatrist's review.</Text>
              <AdverseEventsField control={form.control} />
              <Textarea mt="md" label="Notes" autosize minRows={2} {...form.register('notes')} error={errors.notes?.message} />
            </Paper>
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate(returnPathOf(location.state, `/courses/${course.id}`))}>Cancel</Button>
            <Button type="submit" loading={isSubmitting}>{correcting ? 'Save correction' : 'Save session'}</Button>
          </Group>
        </Stack>
      </form>
      <CosignDialog
        opened={cosignFindings !== null}
        findings={cosignFindings ?? ''}
        onCosign={cosignAndSave}
        onSavePending={correcting ? async () => setCosignFindings(null) : saveAsPending}
        onClose={() => setCosignFindings(null)}
      />
    </FormProvider>
  );
}

const sessionFieldLabels: Record<string, string> = {
  sessionDate: 'Date', startTime: 'Start time', motorThresholdId: 'Motor threshold', positionMethod: 'Positioning', fiveCmDistanceCm: 'Distance (cm)',
  beamTragusToTragusCm: 'Tragus–tragus', beamNasionToInionCm: 'Nasion–inion', beamCircumferenceCm: 'Circumference', eegSite: 'EEG site',
  landmarks: 'Marks', coilAngleDeg: 'Coil angle', coil: 'Coil', frequencyHz: 'Frequency', intensityPctMt: '% MT', intensityPctMso: '% MSO',
  trainsDelivered: 'Trains delivered', pulsesDelivered: 'Pulses delivered', interruptions: 'Interruptions', sideEffects: 'Side effects',
  adverseEvents: 'Adverse events', notes: 'Notes', overrideById: 'Override by', overrideReason: 'Override reason',
};

export function SessionFormScreen() {
  const params = useParams();
  const courseId = Number(params.courseId);
  const sessionId = params.sessionId ? Number(params.sessionId) : undefined;
  const detail = useCourse(courseId);
  const prepared = useSessionPrepare(courseId, sessionId);
  if (detail.isPending || prepared.isPending) return <Loading />;
  if (!detail.data || !prepared.data) return <ErrorNotice error={detail.error ?? prepared.error} title="Could not open the session form" />;
  return (
    <Stack gap={0}>
      <PatientBanner patient={detail.data.patient} />
      <SessionForm detail={detail.data} prepared={prepared.data} sessionId={sessionId} />
      {sessionId !== undefined && (
        <Stack mt="md" maw={1100}>
          <AuditHistory entity="session" entityId={sessionId} labels={sessionFieldLabels} />
        </Stack>
      )}
    </Stack>
  );
}
