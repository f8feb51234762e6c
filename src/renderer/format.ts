import { ageInYears, localIsoDate } from '../shared/dates';
import { DEFAULT_DATE_FORMAT, type DateFormat, formatIsoDate, formatLocalDateTime } from '../shared/dateFormat';

/**
 * The clinic's date format for this window. Set by the start gate (and the report page) from what
 * main says; the tree below is re-rendered when it changes, so plain functions can read it.
 */
let clinicDateFormat: DateFormat = DEFAULT_DATE_FORMAT;

export function setClinicDateFormat(format: DateFormat): void {
  clinicDateFormat = format;
}

export function currentDateFormat(): DateFormat {
  return clinicDateFormat;
}

/** A YYYY-MM-DD day in the clinic's format. */
export function formatDate(isoDate: string): string {
  return formatIsoDate(isoDate, clinicDateFormat);
}

/** A timestamp as the clinic's local day and time. */
export function formatDateTime(isoTimestamp: string): string {
  return formatLocalDateTime(new Date(isoTimestamp), clinicDateFormat);
}

export function ageToday(dateOfBirth: string): number {
  return ageInYears(dateOfBirth, localIsoDate(new Date()));
}

export function patientName(p: { firstName: string; lastName: string }): string {
  return `${p.lastName.toUpperCase()}, ${p.firstName}`;
}
