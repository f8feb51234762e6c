import { z } from 'zod';
import { scaleSchedules } from '../clinical';
import { scaleId } from './assessment';
import { id } from './common';

export const plannedScale = z.object({ scale: scaleId, schedule: z.enum(scaleSchedules, { error: 'Choose how often' }) });
export const coursePlanGetInput = z.object({ courseId: id });
export const coursePlanSetInput = z
  .object({ courseId: id, plan: z.array(plannedScale).min(1, 'A course follows at least one scale').max(10) })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.plan.forEach((p, i) => {
      if (seen.has(p.scale)) ctx.addIssue({ code: 'custom', path: ['plan', i, 'scale'], message: 'Each scale once' });
      seen.add(p.scale);
    });
  });
export type CoursePlanSetInput = z.infer<typeof coursePlanSetInput>;
/** The course's plan, `isDefault` when none was set (PHQ-9 weekly). */
export const coursePlan = z.object({ courseId: id, plan: z.array(plannedScale), isDefault: z.boolean() });
export type CoursePlan = z.infer<typeof coursePlan>;
