import { Alert, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { checkAgainstPrescription, checkMachineOutput } from '../../../shared/clinical';
import type { CourseDetail } from '../../../shared/schemas/course';
import type { SessionFields } from '../../../shared/schemas/session';
import { useStaffList } from '../staff/queries';

/**
 * What the delivered dose means against the prescription, live: the %MSO the prescription
 * gives at the chosen threshold, partial sessions, and the override needed above it.
 */
export function DeliveryFindings({ detail }: { detail: CourseDetail }) {
  const { control, register, formState } = useFormContext<SessionFields>();
  const staff = useStaffList();
  const [mtId, intensityPctMt, intensityPctMso, trainsDelivered, pulsesDelivered] = useWatch({
    control,
    name: ['motorThresholdId', 'intensityPctMt', 'intensityPctMso', 'trainsDelivered', 'pulsesDelivered'],
  });
  const { course } = detail;
  const mt = detail.motorThresholds.find((m) => m.id === Number(mtId));
  const prescribed = mt ? checkMachineOutput(mt.rmtPctMso, course.intensityPctMt) : null;
  const findings =
    prescribed && 'pctMso' in prescribed && [intensityPctMt, intensityPctMso, trainsDelivered, pulsesDelivered].every(Number.isFinite)
      ? checkAgainstPrescription(
          { intensityPctMt, intensityPctMso, trainsDelivered, pulsesDelivered },
          { intensityPctMt: course.intensityPctMt, intensityPctMso: prescribed.pctMso, totalPulses: course.dose.totalPulses, trains: course.trains },
        )
      : [];
  const overrides = findings.filter((f) => f.level === 'override');
  const errors = formState.errors;
  const psychiatrists = (staff.data ?? []).filter((s) => s.role === 'psychiatrist');
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed" data-testid="prescribed-mso">
        {prescribed === null && 'Choose a motor threshold.'}
        {prescribed && 'pctMso' in prescribed && `Prescription: ${course.intensityPctMt}% MT × MT ${mt?.rmtPctMso}% MSO = ${prescribed.pctMso}% MSO · ${course.trains} trains · ${course.dose.totalPulses} pulses`}
        {prescribed && 'level' in prescribed && prescribed.message}
      </Text>
      {findings.filter((f) => f.level === 'info').map((f) => (
        <Alert key={f.message} color="blue" variant="light" py={6}>{f.message}</Alert>
      ))}
      {(overrides.length > 0 || errors.overrideById || errors.overrideReason) && (
        <Alert color="grape" variant="light" title="Above the prescription: a psychiatrist's override is needed" data-testid="override-needed">
          {overrides.map((f) => <Text key={f.field} size="sm">{f.message}</Text>)}
          <Group grow align="flex-start" mt="xs">
            <NativeSelect
              label="Authorized by (psychiatrist)"
              data={[{ value: '', label: 'Choose…' }, ...psychiatrists.map((s) => ({ value: String(s.id), label: s.name }))]}
              {...register('overrideById', { setValueAs: (v: unknown) => (v === '' || v === null ? null : Number(v)) })}
              error={errors.overrideById?.message}
            />
            <Textarea label="Reason" autosize minRows={1} {...register('overrideReason')} error={errors.overrideReason?.message} />
          </Group>
        </Alert>
      )}
    </Stack>
  );
}
