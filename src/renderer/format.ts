import { format, parseISO } from 'date-fns';
import { ageInYears, localIsoDate } from '../shared/dates';

/** 10 Dec 1980 — unambiguous in every locale, as clinical records prefer. */
export function formatDate(isoDate: string): string {
  return format(parseISO(isoDate), 'd MMM yyyy');
}

export function formatDateTime(isoTimestamp: string): string {
  return format(parseISO(isoTimestamp), 'd MMM yyyy, HH:mm');
}

export function ageToday(dateOfBirth: string): number {
  return ageInYears(dateOfBirth, localIsoDate(new Date()));
}

export function patientName(p: { firstName: string; lastName: string }): string {
  return `${p.lastName.toUpperCase()}, ${p.firstName}`;
}
