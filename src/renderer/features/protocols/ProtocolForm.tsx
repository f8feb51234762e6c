import { zodResolver } from '@hookform/resolvers/zod';
import { NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { FormProvider, type Path, type Resolver, useForm } from 'react-hook-form';
import { billingSchemeLabels, billingSchemes, type ProtocolFields, protocolFields } from '../../../shared/schemas/protocol';
import { targetLabels, targets } from '../../../shared/schemas/stimulation';
import { FormFooter } from '../../components/FormFooter';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { toNumber, toNumberOrNull } from '../../forms/numberInput';
import { useServerSubmit } from '../../forms/useServerSubmit';
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
  const { errors, isSubmitting } = form.formState;
  const num = { setValueAs: toNumber };
  const { submit, formError, formRef, summary, blockLeaving } = useServerSubmit(form, formFields, onSubmit);
  return (
    <FormProvider {...form}>
      <form ref={formRef} onSubmit={submit} noValidate aria-label="Protocol">
        <UnsavedChangesGuard dirty={blockLeaving} />
        <Paper withBorder p="lg" maw={1000}>
          <Stack gap="md">
            {summary}
            <SimpleGrid cols={4} spacing="md">
              <TextInput style={{ gridColumn: 'span 2' }} label="Name" withAsterisk autoFocus {...form.register('name')} error={errors.name?.message} />
              <NativeSelect label="Target" data={targets.map((t) => ({ value: t, label: targetLabels[t] }))} {...form.register('target')} error={errors.target?.message} />
              <TextInput label="Coil" withAsterisk {...form.register('coil')} error={errors.coil?.message} />
            </SimpleGrid>
            <StimulationFieldset />
            <SimpleGrid cols={3} spacing="md">
              <TextInput label="Sessions per day" type="number" {...form.register('sessionsPerDay', num)} error={errors.sessionsPerDay?.message} />
              <TextInput label="Minutes between same-day sessions" type="number" {...form.register('minMinutesBetweenSessions', { setValueAs: toNumberOrNull })} error={errors.minMinutesBetweenSessions?.message} />
              <TextInput label="Planned sessions (default)" type="number" {...form.register('defaultPlannedSessions', num)} error={errors.defaultPlannedSessions?.message} />
            </SimpleGrid>
            <NativeSelect
              label="Billing"
              description="SNT (accelerated, fcMRI-guided theta burst) is billed per treatment day; everything else per session. Copied into each course at prescription."
              data={billingSchemes.map((b) => ({ value: b, label: billingSchemeLabels[b] }))}
              {...form.register('billingScheme')}
              error={errors.billingScheme?.message}
            />
            <TextInput label="Reference" placeholder="Published source" {...form.register('reference')} error={errors.reference?.message} />
            <Textarea label="Notes" autosize minRows={2} {...form.register('notes')} error={errors.notes?.message} />
            <FormFooter formError={formError} submitLabel={submitLabel} loading={isSubmitting} onCancel={onCancel} />
          </Stack>
        </Paper>
      </form>
    </FormProvider>
  );
}
