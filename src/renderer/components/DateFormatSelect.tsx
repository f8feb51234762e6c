import { NativeSelect } from '@mantine/core';
import { DATE_FORMATS, type DateFormat, dateFormatPattern, formatIsoDate } from '../../shared/dateFormat';

const EXAMPLE_DAY = '2026-11-25';

/** The clinic's date format, each choice shown as it writes 25 November 2026. */
export function DateFormatSelect({ value, onChange, error, localeDefault }: {
  value: DateFormat;
  onChange: (format: DateFormat) => void;
  error?: string | undefined;
  /** The format this computer's locale writes, named in the description. */
  localeDefault: DateFormat;
}) {
  return (
    <NativeSelect
      label="Date format"
      description={`Every screen, date field, report and CSV. This computer's locale writes ${formatIsoDate(EXAMPLE_DAY, localeDefault)}.`}
      w={300}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as DateFormat)}
      error={error}
      data={DATE_FORMATS.map((f) => ({ value: f, label: `${formatIsoDate(EXAMPLE_DAY, f)} (${dateFormatPattern(f)})` }))}
    />
  );
}
