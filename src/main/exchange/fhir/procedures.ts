import { cptCodeLabels, sessionCptCodes } from '../../../shared/clinical';
import type { BillingScheme } from '../../../shared/schemas/protocol';
import type { SessionRow } from '../../../shared/schemas/session';
import type { ResourceIds } from './ids';
import { CPT, LOCAL_PROCEDURE_CODES } from './systems';
import type { Coding, ProcedureResource, Reference } from './types';

/** '+HH:MM' for a wall-clock date and time in a time zone; FHIR needs an offset on a dateTime with a time. */
export type ZoneOffset = (date: string, time: string) => string;

const pad = (n: number) => String(n).padStart(2, '0');

/** The offset of this machine's time zone (the clinic's) at that date and time. */
export const localZoneOffset: ZoneOffset = (date, time) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const minutes = -new Date(y, m - 1, d, h, min).getTimezoneOffset();
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

export interface SessionContext {
  subject: Reference;
  reason: Reference;
  billingScheme: BillingScheme;
  thresholdDates: readonly string[];
  zoneOffset: ZoneOffset;
  ids: ResourceIds;
}

/**
 * One Procedure per delivered session (in session order), coded with its CPT code from the one
 * billing rule (`sessionCptCodes`): the per-session code for standard courses; for SNT courses the
 * per-day code on each day's first session, the day's other sessions with the local code only.
 */
export function sessionProcedures(sessions: readonly SessionRow[], c: SessionContext): ProcedureResource[] {
  const codes = sessionCptCodes({ sessionDates: sessions.map((s) => s.sessionDate), thresholdDates: c.thresholdDates });
  return sessions.map((s, i): ProcedureResource => {
    const code = codes[i];
    const cpt = c.billingScheme === 'per_session' ? code?.perSession : code?.perDay;
    const coding: Coding[] = [{ system: LOCAL_PROCEDURE_CODES, code: 'tms-session', display: 'Transcranial magnetic stimulation session' }];
    if (cpt) coding.unshift({ system: CPT, code: cpt, display: cptCodeLabels[cpt] });
    const note = [
      `${s.pulsesDelivered} pulses, ${s.trainsDelivered} of ${s.trainsPlanned} trains, ${s.intensityPctMt}% MT = ${s.intensityPctMso}% MSO (RMT ${s.rmtPctMso}% MSO)`,
      s.sideEffectsSummary && `Side effects: ${s.sideEffectsSummary}`,
      s.adverseEventsSummary && `Adverse events: ${s.adverseEventsSummary}`,
    ].filter(Boolean).join('. ');
    return {
      resourceType: 'Procedure',
      id: c.ids.id('Procedure', s.id),
      status: 'completed',
      code: { coding, text: `TMS session ${s.sessionNumber}` },
      subject: c.subject,
      performedDateTime: `${s.sessionDate}T${s.startTime}:00${c.zoneOffset(s.sessionDate, s.startTime)}`,
      performer: [{ actor: c.ids.ref('Practitioner', s.technicianId, s.technicianName) }],
      reasonReference: [c.reason],
      note: [{ text: note }],
    };
  });
}
