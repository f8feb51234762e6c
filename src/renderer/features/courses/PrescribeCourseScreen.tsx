import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { FormProvider, type Path, type Resolver, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { localIsoDate } from '../../../shared/dates';
import { type PrescriptionFields, prescriptionFields, STANDARD_SCHEDULE } from '../../../shared/schemas/course';
import type { Protocol } from '../../../shared/schemas/protocol';
import { targetLabels, targets } from '../../../shared/schemas/stimulation';
import { FormFooter } from '../../components/FormFooter';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { toNumber } from '../../forms/numberInput';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useCan } from '../../session/auth';
import { PatientBanner } from '../patients/PatientBanner';
import { usePatient } from '../patients/queries';
import { usePatientIdParam } from '../patients/usePatientIdParam';
import { StimulationFieldset } from '../protocols/StimulationFieldset';
import { billingSchemeLabels } from '../../../shared/schemas/protocol';
import { useProtocols } from '../protocols/queries';
import { useClinicalMutation } from './queries';
import { FormDateInput } from '../../forms/FormDateInput';

const resolver = zodResolver(prescriptionFields) as Resolver<PrescriptionFields>;
const formFields = Object.keys(prescriptionFields.shape) as Path<PrescriptionFields>[];

/** The prescription starts as a copy of the protocol; the psychiatrist may adjust it. */
function fromProtocol(p: Protocol): Partial<PrescriptionFields> {
  return {
    protocolId: p.id, target: p.target, coil: p.coil, pattern: p.pattern, intensityPctMt: p.intensityPctMt,
    frequencyHz: p.frequencyHz, burstFrequencyHz: p.burstFrequencyHz, pulsesPerBurst: p.pulsesPerBurst,
    trainDurationS: p.trainDurationS, interTrainIntervalS: p.interTrainIntervalS, trains: p.trains,
    sessionsPerDay: p.sessionsPerDay, plannedSessions: p.defaultPlannedSessions,
    schedule: p.sessionsPerDay > 1 ? `${p.sessionsPerDay} sessions a day, at least ${p.minMinutesBetweenSessions ?? '?'} min apart` : STANDARD_SCHEDULE,
  };
}

function PrescriptionForm({ patientId, protocols }: { patientId: number; protocols: Protocol[] }) {
  const navigate = useNavigate();
  const prescribe = useClinicalMutation('courses:prescribe');
  const first = protocols[0];
  const form = useForm<PrescriptionFields>({
    resolver,
    defaultValues: {
      patientId, safetyOverrideReason: '', authorizedSessions: 36, authorizationReference: '', startDate: localIsoDate(new Date()), notes: '',
      ...(first ? fromProtocol(first) : {}),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const num = { setValueAs: toNumber };
  const protocolId = useWatch({ control: form.control, name: 'protocolId' });
  const chosen = protocols.find((p) => p.id === protocolId);

  const chooseProtocol = (id: number) => {
    const protocol = protocols.find((p) => p.id === id);
    if (!protocol) return;
    for (const [key, value] of Object.entries(fromProtocol(protocol))) {
      form.setValue(key as keyof PrescriptionFields, value as never, { shouldDirty: true });
    }
  };

  const { submit, formError, formRef, summary, blockLeaving } = useServerSubmit(form, formFields, async (values) => {
    const course = await prescribe.mutateAsync(values);
    navigate(`/courses/${course.id}`, { replace: true });
  });

  return (
    <FormProvider {...form}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Prescription">
        <UnsavedChangesGuard dirty={blockLeaving} />
        <Paper withBorder p="lg" maw={1000}>
          <Stack gap="md">
            {summary}
            {/* Four columns like the rows below, so every field lines up with the one above it. */}
            <SimpleGrid cols={4} spacing="md">
              <NativeSelect
                style={{ gridColumn: 'span 2' }}
                label="Protocol"
                data={protocols.map((p) => ({ value: String(p.id), label: p.revision > 1 ? `${p.name} (rev. ${p.revision})` : p.name }))}
                {...form.register('protocolId', { setValueAs: toNumber, onChange: (e: { target: { value: string } }) => chooseProtocol(Number(e.target.value)) })}
                description={chosen ? `Billing: ${billingSchemeLabels[chosen.billingScheme]}` : undefined}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                error={errors.protocolId?.message}
              />
              <NativeSelect label="Target" data={targets.map((t) => ({ value: t, label: targetLabels[t] }))} {...form.register('target')} error={errors.target?.message} />
              <TextInput label="Coil" {...form.register('coil')} error={errors.coil?.message} />
            </SimpleGrid>
            <StimulationFieldset />
            <SimpleGrid cols={4} spacing="md">
              <FormDateInput control={form.control} name="startDate" label="Start date" error={errors.startDate?.message} />
              <TextInput label="Planned sessions" type="number" {...form.register('plannedSessions', num)} error={errors.plannedSessions?.message} />
              <TextInput label="Sessions per day" type="number" {...form.register('sessionsPerDay', num)} error={errors.sessionsPerDay?.message} />
              <TextInput label="Payer-authorized sessions" type="number" {...form.register('authorizedSessions', num)} error={errors.authorizedSessions?.message} />
            </SimpleGrid>
            <SimpleGrid cols={2} spacing="md">
              <TextInput label="Schedule" {...form.register('schedule')} error={errors.schedule?.message} />
              <TextInput label="Authorization reference" placeholder="Payer's prior-authorization number" {...form.register('authorizationReference')} error={errors.authorizationReference?.message} />
            </SimpleGrid>
            <Textarea label="Notes" autosize minRows={2} {...form.register('notes')} error={errors.notes?.message} />
            <FormFooter formError={formError} submitLabel="Prescribe course" loading={isSubmitting} onCancel={() => navigate(`/patients/${patientId}`)} />
          </Stack>
        </Paper>
      </form>
    </FormProvider>
  );
}

export function PrescribeCourseScreen() {
  const can = useCan();
  const patientId = usePatientIdParam();
  const patient = usePatient(patientId);
  const protocols = useProtocols();
  if (patient.isPending || protocols.isPending) return <Loading />;
  if (!patient.data) return <ErrorNotice error={patient.error} title="Could not load the patient" />;
  return (
    <Stack gap={0}>
      <PatientBanner patient={patient.data} />
      <Title order={1} size="h2" mb="md">Prescribe a treatment course</Title>
      {!can('courses:prescribe') ? (
        <Alert color="gray">Only a psychiatrist can prescribe a course: a psychiatrist signs in to do it.</Alert>
      ) : (
        <>
          <ErrorNotice error={protocols.error} />
          {protocols.data && <PrescriptionForm patientId={patientId} protocols={protocols.data} />}
        </>
      )}
    </Stack>
  );
}
