import { localIsoDate } from '../../src/shared/dates';
import type { Dispatch, DispatchContext } from '../../src/main/ipc/dispatch';

/**
 * What a course needs before its first session (issue 15): a safety screening with every answer
 * "no", cleared by a psychiatrist, and the patient's consent, dated `on` (default: the day of
 * `ctx.now`). Fails the test on any error.
 */
export async function readyToStart(dispatch: Dispatch, courseId: number, ctx: DispatchContext, { psychiatristId = 1, on }: { psychiatristId?: number; on?: string } = {}): Promise<void> {
  const day = on ?? localIsoDate(ctx.now);
  const as = { ...ctx, staffId: psychiatristId };
  const no = false;
  const answers = { seizures: no, family_epilepsy: no, metal_in_head: no, implanted_devices: no, pregnancy: no, head_injury: no, excitability_medications: no, substance_use: no };
  const screening = await dispatch('screening:record', { courseId, screenedOn: day, answers, details: '' }, as);
  if (!screening.ok) throw new Error(`screening:record failed: ${JSON.stringify(screening.error)}`);
  const cleared = await dispatch('screening:clear', { screeningId: screening.value.id, clearance: '' }, as);
  if (!cleared.ok) throw new Error(`screening:clear failed: ${JSON.stringify(cleared.error)}`);
  const consent = await dispatch('consent:record', { courseId, consentedOn: day, consentVersion: 'TMS consent v3 (2026)', obtainedById: psychiatristId }, as);
  if (!consent.ok) throw new Error(`consent:record failed: ${JSON.stringify(consent.error)}`);
}
