import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';
import { ClinicDateInput } from '../components/ClinicDateInput';

/** A react-hook-form date field (YYYY-MM-DD in the form) in the clinic's date format. */
export function FormDateInput<T extends FieldValues>({ control, name, label, error, withAsterisk }: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  error?: string | undefined;
  withAsterisk?: boolean;
}) {
  const { field: { ref, value, onChange, onBlur } } = useController({ control, name });
  return (
    <ClinicDateInput
      ref={ref}
      name={name}
      label={label}
      withAsterisk={withAsterisk}
      value={typeof value === 'string' ? value : ''}
      onChange={onChange}
      onBlur={onBlur}
      error={error}
    />
  );
}
