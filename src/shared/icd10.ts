/** ICD-10 code shape: letter, two characters, optional dot and up to four more (F33.2, F32.A). */
export const ICD10_PATTERN = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;

/** Diagnoses a TMS clinic records most often (ICD-10-CM), offered as suggestions. */
export const commonDiagnoses: ReadonlyArray<{ code: string; label: string }> = [
  { code: 'F32.1', label: 'Major depressive disorder, single episode, moderate' },
  { code: 'F32.2', label: 'Major depressive disorder, single episode, severe without psychotic features' },
  { code: 'F32.9', label: 'Major depressive disorder, single episode, unspecified' },
  { code: 'F33.0', label: 'Major depressive disorder, recurrent, mild' },
  { code: 'F33.1', label: 'Major depressive disorder, recurrent, moderate' },
  { code: 'F33.2', label: 'Major depressive disorder, recurrent, severe without psychotic features' },
  { code: 'F33.3', label: 'Major depressive disorder, recurrent, severe with psychotic symptoms' },
  { code: 'F33.9', label: 'Major depressive disorder, recurrent, unspecified' },
  { code: 'F31.5', label: 'Bipolar disorder, current episode depressed, severe' },
  { code: 'F34.1', label: 'Dysthymic disorder' },
  { code: 'F42.2', label: 'Mixed obsessional thoughts and acts' },
  { code: 'F43.10', label: 'Post-traumatic stress disorder, unspecified' },
];

export function diagnosisLabel(code: string): string | undefined {
  return commonDiagnoses.find((d) => d.code === code)?.label;
}
