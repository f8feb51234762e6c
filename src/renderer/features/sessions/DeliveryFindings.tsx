import { Alert, Stack, Text, Textarea } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { checkAgainstPrescription, checkMachineOutput } from '../../../shared/clinical';
import type { CourseDetail } from '../../../shared/schemas/course';
import type { SessionFields } from '../../../shared/schemas/session';
import { useActor } from '../../session/auth';

/**
 * What the delivered dose means against the prescription, live: the %MSO the prescription
 * gives at the chosen threshold, partial sessions, and the override needed above it.
 */
export function DeliveryFindings({ detail }: { detail: CourseDetail }) {
  const { control, register, formState } = useFormContext<SessionFields>();
  const actor = useActor();
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
      {(overrides.length > 0 || errors.overrideReason) && (
        <Alert color="grape" variant="light" title="Above the prescription: a psychiatrist's authorization is needed" data-testid="override-needed">
          {overrides.map((f) => <Text key={f.field} size="sm">{f.message}</Text>)}
          <Text size="sm" mt={4}>
            {actor.role === 'psychiatrist'
              ? `Saving records you, ${actor.name}, as the psychiatrist who authorized it.`
              : 'When you save, a psychiatrist co-signs here with their own password, or the session waits for their co-signature and is not counted until then.'}
          </Text>
          <Textarea label="Reason" mt="xs" autosize minRows={1} {...register('overrideReason')} error={errors.overrideReason?.message} />
        </Alert>
      )}
    </Stack>
  );
}
