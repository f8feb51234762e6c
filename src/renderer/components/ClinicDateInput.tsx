import { ActionIcon, Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { forwardRef, useState } from 'react';
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
 * A date field in the clinic's date format: typed (digits in the clinic's order, or YYYY-MM-DD),
 * or picked from a calendar that opens from its button (never over the form while typing). The
 * form keeps YYYY-MM-DD; text that is no date is passed on as typed, so the form refuses it next
 * to the field, and the message says which format to use.
 */
const CALENDAR_LABELS = {
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  previousDecade: 'Previous decade',
  nextDecade: 'Next decade',
  monthLevelControl: 'Choose a month',
  yearLevelControl: 'Choose a year',
};

export const ClinicDateInput = forwardRef<HTMLInputElement, ClinicDateInputProps>(function ClinicDateInput(
  { label, value, onChange, onBlur, error, description, w, autoFocus, name, withAsterisk },
  ref,
) {
  const format = currentDateFormat();
  const pattern = dateFormatPattern(format);
  const shown = isIsoDate(value) ? formatIsoDate(value, format) : value;
  // What is typed stays as typed while it is being typed; a value set from outside shows formatted.
  const [typed, setTyped] = useState<{ text: string; value: string } | null>(null);
  const text = typed && typed.value === value ? typed.text : shown;
  const [calendar, setCalendar] = useState(false);
  const typedNoDate = value.trim() !== '' && !isIsoDate(value);
  return (
    <TextInput
      ref={ref}
      label={label}
      withAsterisk={withAsterisk}
      name={name}
      description={description}
      w={w}
      autoFocus={autoFocus}
      placeholder={pattern}
      value={text}
      onChange={(e) => {
        const next = e.currentTarget.value;
        const iso = next.trim() === '' ? '' : (parseDateText(next, format) ?? next);
        setTyped({ text: next, value: iso });
        onChange(iso);
      }}
      onBlur={() => {
        setTyped(null);
        onBlur?.();
      }}
      error={error && typedNoDate ? `Enter a real date as ${pattern}` : error}
      rightSection={
        <Popover opened={calendar} onChange={setCalendar} position="bottom-end" withinPortal trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" color="gray" aria-label="Open calendar" onClick={() => setCalendar((o) => !o)}>
              <span aria-hidden="true">▦</span>
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              ariaLabels={CALENDAR_LABELS}
              // No faint days of the next and previous months and no red weekends: both fail text contrast (axe).
              hideOutsideDates
              weekendDays={[]}
              value={isIsoDate(value) ? value : null}
              defaultDate={isIsoDate(value) ? value : undefined}
              onChange={(iso) => {
                setTyped(null);
                onChange(iso ?? '');
                setCalendar(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
});
