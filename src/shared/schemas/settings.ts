import { z } from 'zod';
import { actorId, optionalText } from './common';

export const clinicSettings = z.object({
  clinicName: optionalText('Clinic name', 120),
  clinicAddress: optionalText('Address and phone', 300),
});
export type ClinicSettings = z.infer<typeof clinicSettings>;
export const clinicSettingsUpdateInput = clinicSettings.extend({ actorId });
