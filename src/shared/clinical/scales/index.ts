import { cgiImprovementScale, cgiSeverityScale } from './cgi';
import { hamd17Scale } from './hamd17';
import { madrsScale } from './madrs';
import { gad7Scale, phq9Scale } from './selfReport';
import type { ScaleDefinition } from './types';

export type { ScaleDefinition, ScaleItem, ScaleOutcomeRule, ScaleRater, SeverityBand } from './types';
export { FREQUENCY_ANSWERS } from './selfReport';

/** Every scale the app knows, in the order forms and charts list them. Adding a scale: its definition here. */
export const scaleIds = ['phq9', 'gad7', 'madrs', 'hamd17', 'cgi_s', 'cgi_i'] as const;
export type ScaleId = (typeof scaleIds)[number];
/** The symptom scales `scoreScale` takes (DOMAIN.md, "Rating scales beside PHQ-9"). */
export type SymptomScaleId = 'phq9' | 'gad7' | 'madrs' | 'hamd17';

export const SCALES: { readonly [K in ScaleId]: ScaleDefinition<K> } = {
  phq9: phq9Scale,
  gad7: gad7Scale,
  madrs: madrsScale,
  hamd17: hamd17Scale,
  cgi_s: cgiSeverityScale,
  cgi_i: cgiImprovementScale,
};

export function isScaleId(value: string): value is ScaleId {
  return (scaleIds as readonly string[]).includes(value);
}

export function scaleDefinition(scale: ScaleId): ScaleDefinition {
  const def = SCALES[scale] as ScaleDefinition | undefined;
  if (!def) throw new RangeError(`Unknown scale: ${String(scale)}`);
  return def;
}

export function scaleMinTotal(def: ScaleDefinition): number {
  return def.items.reduce((sum, item) => sum + item.min, 0);
}
export function scaleMaxTotal(def: ScaleDefinition): number {
  return def.items.reduce((sum, item) => sum + item.max, 0);
}

/** The band a total falls in; throws outside the scale's range. */
export function scaleBand(scale: ScaleId, total: number): ScaleDefinition['bands'][number] {
  const def = scaleDefinition(scale);
  const band = def.bands.find((b) => total >= b.from && total <= b.to);
  if (!band || !Number.isInteger(total)) throw new RangeError(`A ${def.name} total is ${scaleMinTotal(def)}–${scaleMaxTotal(def)} (got ${String(total)})`);
  return band;
}

export interface ScaleScore {
  total: number;
  /** The severity band's key ("moderate"); its label is scaleBand(scale, total).label. */
  severity: string;
  /** The scale's suicide item answered above 0, whatever the total: the same alert as PHQ-9 item 9. */
  suicideItemPositive: boolean;
}

/** Checks every answer against its item's range; throws on a wrong count or an answer out of range. */
function checkAnswers(def: ScaleDefinition, answers: readonly number[]): void {
  if (!Array.isArray(answers) || answers.length !== def.items.length) {
    throw new RangeError(`A ${def.name} has ${def.items.length} answers (got ${Array.isArray(answers) ? answers.length : typeof answers})`);
  }
  def.items.forEach((item, i) => {
    const a = answers[i];
    if (typeof a !== 'number' || !Number.isInteger(a) || a < item.min || a > item.max) {
      throw new RangeError(`${def.name} item ${i + 1} must be a whole number ${item.min}–${item.max} (got ${String(a)})`);
    }
  });
}

/** Scores any scale the app knows (CGI included). */
export function scoreAssessment(scale: ScaleId, answers: readonly number[]): ScaleScore {
  const def = scaleDefinition(scale);
  checkAnswers(def, answers);
  const total = answers.reduce((sum, a) => sum + a, 0);
  const suicideItemPositive = def.suicideItem !== null && (answers[def.suicideItem - 1] ?? 0) > 0;
  return { total, severity: scaleBand(scale, total).key, suicideItemPositive };
}

/**
 * DOMAIN.md: `{ total, severity, suicideItemPositive }` for 'phq9' | 'gad7' | 'madrs' | 'hamd17';
 * throws on a wrong count or an answer out of its item's range.
 */
export function scoreScale(scale: SymptomScaleId, answers: number[]): ScaleScore {
  return scoreAssessment(scale, answers);
}

/** The 1-based numbers of the items not answered, for "answer items 3 and 7". */
export function missingItems(scale: ScaleId, answers: ReadonlyArray<number | null | undefined>): number[] {
  const missing: number[] = [];
  for (let i = 0; i < scaleDefinition(scale).items.length; i++) if (answers[i] === null || answers[i] === undefined) missing.push(i + 1);
  return missing;
}

/** Which scales measure change (response/remission, percent change): all but the CGI ratings. */
export function measuresChange(scale: ScaleId): boolean {
  return scaleDefinition(scale).outcome !== null;
}

export interface ScaleOutcome {
  change: number;
  percentChange: number | null;
  /** baseline > 0 and latest ≤ baseline / 2: a drop of at least 50% (every scale). */
  response: boolean;
  /** latest at most the scale's remission threshold. */
  remission: boolean;
}

/** classifyOutcome for any symptom scale: change, percent change, response (≥ 50% drop), the scale's remission rule. */
export function classifyScaleOutcome(scale: ScaleId, baseline: number, latest: number): ScaleOutcome {
  const def = scaleDefinition(scale);
  if (!def.outcome) throw new RangeError(`${def.name} is a global rating: it has no response or remission`);
  const max = scaleMaxTotal(def);
  for (const [name, value] of [['Baseline', baseline], ['Latest', latest]] as const) {
    if (!Number.isInteger(value) || value < 0 || value > max) throw new RangeError(`${name} must be a ${def.name} total 0–${max} (got ${String(value)})`);
  }
  return {
    change: latest - baseline,
    percentChange: baseline === 0 ? null : (100 * (latest - baseline)) / baseline,
    response: baseline > 0 && latest <= baseline / 2,
    remission: latest <= def.outcome.remissionAtMost,
  };
}

/** Baseline at least moderate for the scale: response and remission are shown and counted. */
export function isRatedBaseline(scale: ScaleId, baseline: number): boolean {
  const rule = scaleDefinition(scale).outcome;
  return rule !== null && baseline >= rule.ratedMinBaseline;
}

/** Who may enter a scale: self-report by any clinical staff; clinician-rated by psychiatrists and trained raters. */
export function mayRate(scale: ScaleId, staff: { role: string; trainedRater: boolean }): boolean {
  if (staff.role !== 'technician' && staff.role !== 'psychiatrist') return false;
  return scaleDefinition(scale).rater === 'self' || staff.role === 'psychiatrist' || staff.trainedRater;
}
