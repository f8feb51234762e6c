import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormProvider, type Path, type Resolver, useForm } from 'react-hook-form';
import { type ProtocolFields, protocolFields } from '../../../shared/schemas/protocol';
import { targetLabels, targets } from '../../../shared/schemas/stimulation';
import { applyServerError } from '../../api/formErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { toNumber, toNumberOrNull } from '../../forms/numberInput';
import { StimulationFieldset } from './StimulationFieldset';

const resolver = zodResolver(protocolFields) as Resolver<ProtocolFields>;
const formFields = Object.keys(protocolFields.shape) as Path<ProtocolFields>[];

interface Props {
  initial: ProtocolFields;
  submitLabel: string;
  onSubmit(values: ProtocolFields): Promise<unknown>;
  onCancel(): void;
}

export function ProtocolForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const form = useForm<ProtocolFields>({ resolver, defaultValues: initial });
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { errors, isDirty, isSubmitting } = form.formState;
  const num = { setValueAs: toNumber };
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    setSaved(true);
    try {
      await onSubmit(values);
    } catch (error) {
      setSaved(false);
      setFormError(applyServerError(error, form.setError, formFields));
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate aria-label="Protocol">
        <UnsavedChangesGuard dirty={isDirty && !saved} />
        <Paper withBorder p="lg" maw={1000}>
          <Stack gap="md">
            <SimpleGrid cols={3} spacing="md">
              <TextInput label="Name" withAsterisk autoFocus {...form.register('name')} error={errors.name?.message} />
              <NativeSelect label="Target" data={targets.map((t) => ({ value: t, label: targetLabels[t] }))} {...form.register('target')} error={errors.target?.message} />
              <TextInput label="Coil" withAsterisk {...form.register('coil')} error={errors.coil?.message} />
            </SimpleGrid>
            <StimulationFieldset />
            <SimpleGrid cols={3} spacing="md">
              <TextInput label="Sessions per day" type="number" {...form.register('sessionsPerDay', num)} error={errors.sessionsPerDay?.message} />
              <TextInput label="Minutes between same-day sessions" type="number" {...form.register('minMinutesBetweenSessions', { setValueAs: toNumberOrNull })} error={errors.minMinutesBetweenSessions?.message} />
              <TextInput label="Planned sessions (default)" type="number" {...form.register('defaultPlannedSessions', num)} error={errors.defaultPlannedSessions?.message} />
            </SimpleGrid>
            <TextInput label="Reference" placeholder="Published source" {...form.register('reference')} error={errors.reference?.message} />
            <Textarea label="Notes" autosize minRows={2} {...form.register('notes')} error={errors.notes?.message} />
            <ErrorNotice error={formError} title="Not saved" />
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>Cancel</Button>
              <Button type="submit" loading={isSubmitting}>{submitLabel}</Button>
            </Group>
          </Stack>
        </Paper>
      </form>
    </FormProvider>
  );
}
