import type { BackupInfo } from '../../../shared/schemas/backup';
import { formatDate, formatDateTime } from '../../format';

/** How backups are named and measured on the Backups and recovery screens. */
export const kindLabels: Record<BackupInfo['kind'], string> = {
  startup: 'At start-up',
  daily: 'Daily',
  manual: 'By hand',
  'pre-migration': 'Before an update',
  'pre-restore': 'Before a restore',
};

export const verificationLabels: Record<BackupInfo['verification'], { label: string; color: string }> = {
  verified: { label: 'Verified', color: 'teal' },
  unverified: { label: 'Not verified', color: 'gray' },
  changed: { label: 'Changed since written', color: 'red' },
};

export const when = (iso: string) => formatDateTime(iso);
export const dayOrNone = (iso: string | null | undefined) => (iso ? formatDate(iso) : 'none');
export const size = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`);
export const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

