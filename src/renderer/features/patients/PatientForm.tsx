import { zodResolver } from '@hookform/resolvers/zod';
import { NativeSelect, Paper, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { type Path, type Resolver, useForm, useWatch } from 'react-hook-form';
import { commonDiagnoses, diagnosisLabel } from '../../../shared/icd10';
import { type PatientFields, type PatientFieldsInput, patientFields, type Sex, sexLabels, sexes } from '../../../shared/schemas/patient';
import { FormFooter } from '../../components/FormFooter';
import { UnsavedChangesGuard } from '../../components/UnsavedChangesGuard';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { FormDateInput } from '../../forms/FormDateInput';

/** The form holds '' for sex until the user chooses: there is no safe default. */
export type PatientFormValues = Omit<Required<PatientFieldsInput>, 'sex'> & { sex: Sex | '' };

const formFields: readonly Path<PatientFormValues>[] = [
  'mrn', 'firstName', 'lastName', 'dateOfBirth', 'sex', 'primaryDiagnosis', 'referringPsychiatrist', 'notes',
];

export const emptyPatient: PatientFormValues = {
  mrn: '', firstName: '', lastName: '', dateOfBirth: '', sex: '', primaryDiagnosis: '', referringPsychiatrist: '', notes: '',
};

// The schema validates `sex` at run time, '' included; only its static input type is narrower.
const resolver = zodResolver(patientFields) as unknown as Resolver<PatientFormValues, unknown, PatientFields>;

interface Props {
  initial: PatientFormValues;
  submitLabel: string;
  onSubmit(values: PatientFields): Promise<unknown>;
  onCancel(): void;
}

export function PatientForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const form = useForm<PatientFormValues, unknown, PatientFields>({ resolver, defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const diagnosis = useWatch({ control: form.control, name: 'primaryDiagnosis' });

  const { submit, formError, formRef, summary, blockLeaving } = useServerSubmit(form, formFields, onSubmit);

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label="Patient details">
      <UnsavedChangesGuard dirty={blockLeaving} />
      <Paper withBorder p="lg" maw={880}>
        <Stack gap="md">
          {summary}
          <SimpleGrid cols={3} spacing="md">
            <TextInput label="MRN" withAsterisk autoFocus {...form.register('mrn')} error={errors.mrn?.message} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} />
            <TextInput label="Last name" withAsterisk {...form.register('lastName')} error={errors.lastName?.message} />
            <TextInput label="First name" withAsterisk {...form.register('firstName')} error={errors.firstName?.message} />
            <FormDateInput control={form.control} name="dateOfBirth" label="Date of birth" withAsterisk error={errors.dateOfBirth?.message} />
            <NativeSelect
              label="Sex"
              withAsterisk
              data={[{ value: '', label: 'Choose…', disabled: true }, ...sexes.map((s) => ({ value: s, label: sexLabels[s] }))]}
              {...form.register('sex')}
              error={errors.sex?.message}
            />
            <TextInput
              label="Primary diagnosis (ICD-10)"
              withAsterisk
              placeholder="F33.2"
              list="common-diagnoses"
              autoComplete="off"
              {...form.register('primaryDiagnosis')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              description={diagnosisLabel(diagnosis.trim().toUpperCase())}
              error={errors.primaryDiagnosis?.message}
            />
          </SimpleGrid>
          <datalist id="common-diagnoses">
            {commonDiagnoses.map((d) => <option key={d.code} value={d.code}>{d.label}</option>)}
          </datalist>
          <TextInput
            label="Referring psychiatrist"
            placeholder="Name and practice of the referring doctor"
            {...form.register('referringPsychiatrist')}
            error={errors.referringPsychiatrist?.message}
          />
          <Textarea label="Notes" autosize minRows={3} maxRows={10} {...form.register('notes')} error={errors.notes?.message} />
          <FormFooter formError={formError} submitLabel={submitLabel} loading={isSubmitting} onCancel={onCancel} />
        </Stack>
      </Paper>
    </form>
  );
}
