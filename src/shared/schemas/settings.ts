import { z } from 'zod';
import { DATE_FORMATS, DEFAULT_DATE_FORMAT } from '../dateFormat';
import { optionalText } from './common';

export const DEFAULT_LOCK_AFTER_MINUTES = 10;

export const clinicSettings = z.object({
  clinicName: optionalText('Clinic name', 120),
  clinicAddress: optionalText('Address and phone', 300),
  /** Automatic logoff (HIPAA §164.312(a)(2)(iii)): the window locks after this long without input. */
  lockAfterMinutes: z
    .number({ error: 'Enter the minutes' })
    .int('Whole minutes')
    .min(1, 'At least 1 minute')
    .max(60, 'At most 60 minutes')
    .default(DEFAULT_LOCK_AFTER_MINUTES),
  /** Psychiatrists may add and change staff (administrators always may). */
  psychiatristsManageStaff: z.boolean().default(true),
  /** How every screen, date input, message, report and CSV writes a day. */
  dateFormat: z.enum(DATE_FORMATS, { error: 'Choose a date format' }).default(DEFAULT_DATE_FORMAT),
});
export type ClinicSettings = z.infer<typeof clinicSettings>;
export const clinicSettingsUpdateInput = clinicSettings;
