/**
 * A rating scale as data: one definition per scale drives the form, scoring, storage, charts,
 * dashboard, report, CSV and alerts. Adding a scale is one definition (plus its tests) in this
 * folder and its entry in ./index.ts: no schema change.
 */

/** Who may enter it: 'self' (the patient answers; any clinical staff types it in) or 'clinician' (rated by a psychiatrist or a trained rater). */
export type ScaleRater = 'self' | 'clinician';

export interface ScaleItem {
  /** Short name shown in tables and the report ("Reported sadness"). */
  label: string;
  /** The question or the rater's guidance, as on the form. */
  text: string;
  /** Lowest and highest answer (whole numbers). */
  min: number;
  max: number;
  /** One label per answer from min to max (length max − min + 1). */
  answers: readonly string[];
}

export interface SeverityBand {
  /** Stable key stored in exports ("moderate"). */
  key: string;
  label: string;
  /** Inclusive total range. */
  from: number;
  to: number;
}

/** Response (≥ 50% drop from baseline) and remission, for scales that measure change. */
export interface ScaleOutcomeRule {
  /** Remission: end-of-treatment total at most this. */
  remissionAtMost: number;
  /** Response and remission are rated only from a baseline of at least this ("at least moderate"). */
  ratedMinBaseline: number;
  /** How the remission rule reads ("≤ 10"), with its source. */
  remissionText: string;
}

export interface ScaleDefinition<Id extends string = string> {
  id: Id;
  /** Short name: "PHQ-9". */
  name: string;
  fullName: string;
  /** The publication the items and bands come from. */
  source: string;
  rater: ScaleRater;
  /** The instruction above the items. */
  stem: string;
  items: readonly ScaleItem[];
  /** Contiguous bands from the lowest to the highest possible total. */
  bands: readonly SeverityBand[];
  /** Null for ratings that are not a symptom total (CGI): no response/remission, no percent change. */
  outcome: ScaleOutcomeRule | null;
  /** 1-based number of the suicide item (positive when its answer > 0), null if the scale has none. */
  suicideItem: number | null;
  /** LOINC codes where known (cited); null: exports use the app's local code system. */
  loinc: { panel: string; total: string } | null;
}
