import { phq9SeverityLabels } from '../../../shared/clinical';
import { courseStatusLabels } from '../../../shared/schemas/course';
import type { ImportItem, ImportKind } from '../../../shared/schemas/import';
import { formatDate } from '../../format';

export const createdNouns: Record<ImportKind, [string, string]> = {
  patients: ['patient', 'patients'],
  phq9: ['PHQ-9', 'PHQ-9s'],
  courses: ['past course', 'past courses'],
};

export function countOf(kind: ImportKind, n: number): string {
  const [one, many] = createdNouns[kind];
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** What one created record is, in a preview row. */
export function itemDetail(kind: ImportKind, item: ImportItem): string {
  if (kind === 'phq9') return `Total ${item.total ?? ''}${item.severity ? ` (${phq9SeverityLabels[item.severity]})` : ''}`;
  if (kind === 'courses') return `${item.protocolName ?? ''} · ${item.status ? courseStatusLabels[item.status] : ''} ${item.endedOn ? formatDate(item.endedOn) : ''}`;
  return '';
}

export const dateHeading: Record<ImportKind, string> = { patients: 'Date of birth', phq9: 'Assessed on', courses: 'Started' };
