import type { HostHandle } from './fixtures';

const NO = { seizures: false, family_epilepsy: false, metal_in_head: false, implanted_devices: false, pregnancy: false, head_injury: false, excitability_medications: false, substance_use: false };

/**
 * What a course needs before its first session (issue 15), through the contract as the first
 * account (a psychiatrist): a screening with every answer "no", cleared, and the consent, dated `on`.
 */
export async function readyToStart(host: HostHandle, courseId: number, on: string, at?: string): Promise<void> {
  const screening = await host.invoke('screening:record', { courseId, screenedOn: on, answers: NO, details: '' }, at);
  await host.invoke('screening:clear', { screeningId: screening.id, clearance: '' }, at);
  await host.invoke('consent:record', { courseId, consentedOn: on, consentVersion: 'TMS consent v3 (2026)', obtainedById: 1 }, at);
}
