import type { Phq9Difficulty } from '../../../shared/clinical';
import type { ResourceIds } from './ids';
import { type ExportScale, PHQ9_DIFFICULTY_CODING, SCALE_CODES, type CodeDisplay } from './scaleCodes';
import { OBSERVATION_CATEGORY, ORDINAL_VALUE } from './systems';
import type { CodeableConcept, ObservationResource, Reference } from './types';

/** One scored assessment of any scale, as the export needs it. */
export interface ExportAssessment {
  id: number;
  scale: ExportScale;
  assessedOn: string;
  /** Item scores in item order. */
  answers: readonly number[];
  total: number;
  /** The scale's severity band, as shown in the app. */
  severityLabel: string;
  enteredInError: boolean;
  /** PHQ-9's unscored difficulty question, when answered. */
  difficulty?: Phq9Difficulty | null;
}

const SURVEY: CodeableConcept[] = [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'survey', display: 'Survey' }] }];

function concept(system: string, c: CodeDisplay): CodeableConcept {
  return { coding: [{ system, code: c.code, display: c.display }], text: c.display };
}

/**
 * A scale's assessment as Observations: the panel (status, date, hasMember) first, then one per item
 * (the LOINC answer code with its score where the scale has answer codes, else the score), the
 * total, and PHQ-9's difficulty answer when given. Entered in error: every one is `entered-in-error`.
 */
export function assessmentObservations(a: ExportAssessment, subject: Reference, ids: ResourceIds): ObservationResource[] {
  const coding = SCALE_CODES[a.scale];
  if (a.answers.length !== coding.items.length) {
    throw new RangeError(`${a.scale} has ${coding.items.length} items (got ${a.answers.length} answers)`);
  }
  const key = `${a.scale}/${a.id}`;
  const base = {
    resourceType: 'Observation' as const,
    status: a.enteredInError ? ('entered-in-error' as const) : ('final' as const),
    category: SURVEY,
    subject,
    effectiveDateTime: a.assessedOn,
  };
  const items = a.answers.map((score, i): ObservationResource => {
    const item = coding.items[i] as CodeDisplay;
    const answer = coding.answers?.[score];
    return {
      ...base,
      id: ids.id('Observation', `${key}/item${i + 1}`),
      code: concept(coding.system, item),
      ...(answer
        ? { valueCodeableConcept: { coding: [{ system: coding.system, code: answer.code, display: answer.display, extension: [{ url: ORDINAL_VALUE, valueDecimal: score }] }], text: answer.display } }
        : { valueInteger: score }),
    };
  });
  const total: ObservationResource = {
    ...base,
    id: ids.id('Observation', `${key}/total`),
    code: concept(coding.system, coding.total),
    valueInteger: a.total,
    interpretation: [{ text: a.severityLabel }],
  };
  const difficulty: ObservationResource[] = a.scale === 'phq9' && a.difficulty
    ? [{
        ...base,
        id: ids.id('Observation', `${key}/difficulty`),
        code: concept(coding.system, PHQ9_DIFFICULTY_CODING.question),
        valueCodeableConcept: concept(coding.system, PHQ9_DIFFICULTY_CODING.answers[a.difficulty]),
      }]
    : [];
  const members = [...items, total, ...difficulty];
  const panel: ObservationResource = {
    ...base,
    id: ids.id('Observation', key),
    code: concept(coding.system, coding.panel),
    hasMember: members.map((m) => ({ reference: `urn:uuid:${m.id}` })),
  };
  return [panel, ...members];
}
