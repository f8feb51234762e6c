import { DateInput } from '@mantine/dates';
import { forwardRef } from 'react';
import { isIsoDate } from '../../shared/dates';
import { dateFormatPattern, formatIsoDate, parseDateText } from '../../shared/dateFormat';
import { currentDateFormat } from '../format';

export interface ClinicDateInputProps {
  label: string;
  /** YYYY-MM-DD, '' when empty, or the text typed when it is not a date (so the form can refuse it). */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string | undefined;
  description?: string;
  w?: number;
  autoFocus?: boolean;
  name?: string;
  withAsterisk?: boolean | undefined;
}

/**
 * A date field in the clinic's date format: typed (digits in the clinic's order, or YYYY-MM-DD) or
 * picked from the calendar. The form keeps YYYY-MM-DD; text that is no date is passed on as typed,
 * so the form refuses it next to the field, and the message says which format to use.
 */
export const ClinicDateInput = forwardRef<HTMLInputElement, ClinicDateInputProps>(function ClinicDateInput(
  { label, value, onChange, onBlur, error, description, w, autoFocus, name, withAsterisk },
  ref,
) {
  const format = currentDateFormat();
  const pattern = dateFormatPattern(format);
  const typedNoDate = value.trim() !== '' && !isIsoDate(value);
  return (
    <DateInput
      ref={ref}
      label={label}
      withAsterisk={withAsterisk}
      name={name}
      description={description}
      w={w}
      autoFocus={autoFocus}
      placeholder={pattern}
      value={isIsoDate(value) ? value : null}
      valueFormat={(iso) => formatIsoDate(iso, format)}
      dateParser={(text) => parseDateText(text, format)}
      fixOnBlur={false}
      onChange={(iso) => onChange(iso ?? '')}
      onInput={(e) => {
        const text = e.currentTarget.value;
        if (text.trim() === '') onChange('');
        else if (!parseDateText(text, format)) onChange(text);
      }}
      onBlur={onBlur}
      error={error && typedNoDate ? `Enter a real date as ${pattern}` : error}
      popoverProps={{ withinPortal: true }}
    />
  );
});
