/** What a payer reads first from the treatment history: how many trials, of which classes, adequate or not, and how they ended. */

export interface TrialForSummary {
  drugClass: string;
  adequate: boolean;
  outcome: 'no_response' | 'partial' | 'intolerable' | 'other';
}

export interface TrialSummary {
  count: number;
  /** At an adequate dose for an adequate duration. */
  adequate: number;
  /** Distinct classes, in the order first tried. */
  classes: string[];
  outcomes: Record<TrialForSummary['outcome'], number>;
}

export function summarizeTrials(trials: readonly TrialForSummary[]): TrialSummary {
  const outcomes: TrialSummary['outcomes'] = { no_response: 0, partial: 0, intolerable: 0, other: 0 };
  const classes: string[] = [];
  let adequate = 0;
  for (const t of trials) {
    outcomes[t.outcome]++;
    if (t.adequate) adequate++;
    if (!classes.includes(t.drugClass)) classes.push(t.drugClass);
  }
  return { count: trials.length, adequate, classes, outcomes };
}

/** Whole weeks from the start to the end of a trial (YYYY-MM-DD; the end included), or null while ongoing. */
export function trialWeeks(startedOn: string, endedOn: string | null): number | null {
  if (endedOn === null) return null;
  const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return Math.floor((day(endedOn) - day(startedOn) + 1) / 7);
}
