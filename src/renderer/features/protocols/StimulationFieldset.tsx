import { Alert, Group, NativeSelect, Paper, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import {
  checkStimulation,
  DURATION_CONVENTION,
  formatDuration,
  type StimulationParameters,
  stimulationPatterns,
  trySessionDose,
} from '../../../shared/clinical';
import { patternLabels } from '../../../shared/schemas/stimulation';
import { toNumber, toNumberOrNull } from '../../forms/numberInput';

/** The stimulation part of a protocol or prescription form. */
export type StimulationFormValues = StimulationParameters & { safetyOverrideReason: string };

const fieldNames = [
  'pattern', 'intensityPctMt', 'frequencyHz', 'burstFrequencyHz', 'pulsesPerBurst', 'trainDurationS', 'interTrainIntervalS', 'trains',
] as const;

/** Dose and duration as they are typed, with the safety findings, from the same shared functions main uses. */
function DosePreview() {
  const { control, register, formState } = useFormContext<StimulationFormValues>();
  const values = useWatch({ control, name: fieldNames });
  const [pattern, intensityPctMt, frequencyHz, burstFrequencyHz, pulsesPerBurst, trainDurationS, interTrainIntervalS, trains] = values;
  const params: StimulationParameters = {
    pattern, intensityPctMt, frequencyHz, trainDurationS, interTrainIntervalS, trains,
    burstFrequencyHz: pattern === 'theta_burst' ? burstFrequencyHz : null,
    pulsesPerBurst: pattern === 'theta_burst' ? pulsesPerBurst : null,
  };
  const dose = trySessionDose(params);
  const findings = dose ? checkStimulation(params) : [];
  return (
    <Paper bg="gray.0" p="sm" withBorder data-testid="dose-preview">
      {dose ? (
        <Group gap="xl">
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>Pulses per train</Text><Text fw={700}>{dose.pulsesPerTrain}</Text></div>
          <div><Text size="xs" c="dimmed" tt="uppercase" fw={600}>Pulses per session</Text><Text fw={700} data-testid="preview-pulses">{dose.totalPulses}</Text></div>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Session duration</Text>
            <Text fw={700} data-testid="preview-duration">{formatDuration(dose.durationS)} <Text span c="dimmed" size="sm">({dose.durationS} s)</Text></Text>
          </div>
          <Text size="xs" c="dimmed" maw={360}>{DURATION_CONVENTION}</Text>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">Enter every parameter to see the dose. Parameters that cannot be delivered are refused.</Text>
      )}
      {findings.filter((f) => f.level === 'warn').map((f) => (
        <Alert key={f.message} color="orange" variant="light" mt="sm" title="Beyond a published safety limit">
          {f.message} <Text span size="xs" c="dimmed">({f.source})</Text>
        </Alert>
      ))}
      {(findings.some((f) => f.level === 'warn') || formState.errors.safetyOverrideReason) && (
        <Textarea
          mt="sm"
          label="Override reason (psychiatrist)"
          description="Prescribing beyond a published safety limit needs a reason; it is recorded with your name."
          autosize
          minRows={1}
          {...register('safetyOverrideReason')}
          error={formState.errors.safetyOverrideReason?.message}
        />
      )}
    </Paper>
  );
}

export function StimulationFieldset() {
  const { register, control, formState } = useFormContext<StimulationFormValues>();
  const errors = formState.errors;
  const pattern = useWatch({ control, name: 'pattern' });
  const tbs = pattern === 'theta_burst';
  const num = { setValueAs: toNumber };
  return (
    <>
      <SimpleGrid cols={4} spacing="md">
        <NativeSelect label="Pattern" data={stimulationPatterns.map((p) => ({ value: p, label: patternLabels[p] }))} {...register('pattern')} error={errors.pattern?.message} />
        <TextInput label="Intensity (% MT)" type="number" step="any" {...register('intensityPctMt', num)} error={errors.intensityPctMt?.message} />
        <TextInput label={tbs ? 'Frequency within a burst (Hz)' : 'Frequency (Hz)'} type="number" step="any" {...register('frequencyHz', num)} error={errors.frequencyHz?.message} />
        <TextInput label="Trains" type="number" {...register('trains', num)} error={errors.trains?.message} />
        {tbs && (
          <>
            <TextInput label="Burst frequency (Hz)" type="number" step="any" {...register('burstFrequencyHz', { setValueAs: toNumberOrNull })} error={errors.burstFrequencyHz?.message} />
            <TextInput label="Pulses per burst" type="number" {...register('pulsesPerBurst', { setValueAs: toNumberOrNull })} error={errors.pulsesPerBurst?.message} />
          </>
        )}
        <TextInput label="Train duration (s)" type="number" step="any" {...register('trainDurationS', num)} error={errors.trainDurationS?.message} />
        <TextInput label="Inter-train interval (s)" type="number" step="any" {...register('interTrainIntervalS', num)} error={errors.interTrainIntervalS?.message} />
      </SimpleGrid>
      <DosePreview />
    </>
  );
}
