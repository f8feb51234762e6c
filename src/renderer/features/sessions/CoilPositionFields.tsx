import { Group, NativeSelect, SegmentedControl, SimpleGrid, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { beamF3 } from '../../../shared/clinical';
import { positionMethodLabels, positionMethods, type SessionFields } from '../../../shared/schemas/session';
import { toNumber, toNumberOrNull } from '../../forms/numberInput';

function BeamResult() {
  const { control } = useFormContext<SessionFields>();
  const [tt, ni, hc] = useWatch({ control, name: ['beamTragusToTragusCm', 'beamNasionToInionCm', 'beamCircumferenceCm'] });
  let text = 'Enter the three head measurements to compute X and Y.';
  if (tt && ni && hc) {
    try {
      const { xCm, yCm } = beamF3({ tragusToTragusCm: tt, nasionToInionCm: ni, circumferenceCm: hc });
      text = `Mark X = ${xCm} cm along the circumference from Fpz, Y = ${yCm} cm from Cz.`;
    } catch (error) {
      text = (error as Error).message;
    }
  }
  return <Text size="sm" fw={600} data-testid="beam-result">{text}</Text>;
}

/** How the coil was placed: the method, its measurements, landmarks, angle and coil. */
export function CoilPositionFields() {
  const { register, control, formState } = useFormContext<SessionFields>();
  const errors = formState.errors;
  const method = useWatch({ control, name: 'positionMethod' });
  const nullable = { setValueAs: toNumberOrNull };
  return (
    <>
      <Controller
        control={control}
        name="positionMethod"
        render={({ field }) => (
          <SegmentedControl
            value={field.value}
            onChange={field.onChange}
            aria-label="Positioning method"
            data={positionMethods.map((m) => ({ value: m, label: positionMethodLabels[m] }))}
          />
        )}
      />
      {method === 'five_cm' && (
        <TextInput w={260} label="Distance anterior to the motor hotspot (cm)" type="number" step="0.5" {...register('fiveCmDistanceCm', nullable)} error={errors.fiveCmDistanceCm?.message} />
      )}
      {method === 'beam_f3' && (
        <>
          <SimpleGrid cols={3}>
            <TextInput label="Tragus to tragus (cm)" type="number" step="0.1" {...register('beamTragusToTragusCm', nullable)} error={errors.beamTragusToTragusCm?.message} />
            <TextInput label="Nasion to inion (cm)" type="number" step="0.1" {...register('beamNasionToInionCm', nullable)} error={errors.beamNasionToInionCm?.message} />
            <TextInput label="Head circumference (cm)" type="number" step="0.1" {...register('beamCircumferenceCm', nullable)} error={errors.beamCircumferenceCm?.message} />
          </SimpleGrid>
          <BeamResult />
        </>
      )}
      {method === 'eeg_10_20' && (
        <NativeSelect
          w={200}
          label="Site"
          data={[{ value: '', label: 'Choose…', disabled: true }, { value: 'F3', label: 'F3 (left)' }, { value: 'F4', label: 'F4 (right)' }]}
          {...register('eegSite', { setValueAs: (v: unknown) => (v === '' ? null : v) })}
          error={errors.eegSite?.message}
        />
      )}
      {method === 'neuronavigation' && (
        <SimpleGrid cols={4}>
          <TextInput label="MNI x" type="number" {...register('mniX', nullable)} error={errors.mniX?.message} />
          <TextInput label="MNI y" type="number" {...register('mniY', nullable)} error={errors.mniY?.message} />
          <TextInput label="MNI z" type="number" {...register('mniZ', nullable)} error={errors.mniZ?.message} />
          <TextInput label="Navigation system" {...register('navigationSystem')} error={errors.navigationSystem?.message} />
        </SimpleGrid>
      )}
      <Group grow align="flex-start">
        <TextInput label="Marks and offsets from landmarks" placeholder="e.g. cap mark 2, 1 cm lateral" {...register('landmarks')} error={errors.landmarks?.message} />
        <TextInput label="Coil angle (° from midline)" type="number" {...register('coilAngleDeg', { setValueAs: toNumber })} error={errors.coilAngleDeg?.message} />
        <TextInput label="Coil" {...register('coil')} error={errors.coil?.message} />
      </Group>
    </>
  );
}
