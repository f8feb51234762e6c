/**
 * PHQ-9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001). Free to reproduce (Pfizer).
 * LOINC: panel 44249-1, total score 44261-6.
 */
export const PHQ9_STEM = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

export const PHQ9_ITEMS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

export const PHQ9_ANSWERS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;

export const PHQ9_DIFFICULTY_QUESTION =
  'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?';
export const phq9Difficulties = ['not_difficult', 'somewhat', 'very', 'extremely'] as const;
export type Phq9Difficulty = (typeof phq9Difficulties)[number];
export const phq9DifficultyLabels: Record<Phq9Difficulty, string> = {
  not_difficult: 'Not difficult at all',
  somewhat: 'Somewhat difficult',
  very: 'Very difficult',
  extremely: 'Extremely difficult',
};

export const LOINC_PHQ9_PANEL = '44249-1';
export const LOINC_PHQ9_TOTAL = '44261-6';

export const phq9Severities = ['minimal', 'mild', 'moderate', 'moderately_severe', 'severe'] as const;
export type Phq9Severity = (typeof phq9Severities)[number];
export const phq9SeverityLabels: Record<Phq9Severity, string> = {
  minimal: 'Minimal',
  mild: 'Mild',
  moderate: 'Moderate',
  moderately_severe: 'Moderately severe',
  severe: 'Severe',
};
/** Lowest total of each severity band: 0–4, 5–9, 10–14, 15–19, 20–27. */
export const PHQ9_SEVERITY_BANDS: ReadonlyArray<{ severity: Phq9Severity; from: number; to: number }> = [
  { severity: 'minimal', from: 0, to: 4 },
  { severity: 'mild', from: 5, to: 9 },
  { severity: 'moderate', from: 10, to: 14 },
  { severity: 'moderately_severe', from: 15, to: 19 },
  { severity: 'severe', from: 20, to: 27 },
];

export function phq9Severity(total: number): Phq9Severity {
  const band = PHQ9_SEVERITY_BANDS.find((b) => total >= b.from && total <= b.to);
  if (!band) throw new RangeError(`A PHQ-9 total is 0–27 (got ${total})`);
  return band.severity;
}

export interface Phq9Score {
  total: number;
  severity: Phq9Severity;
  /** Any answer above 0 to item 9, whatever the total: needs a clinician the same day. */
  item9Positive: boolean;
}

/** Scores a complete PHQ-9. Throws on anything but nine whole numbers 0–3. */
export function scorePhq9(answers: number[]): Phq9Score {
  if (!Array.isArray(answers) || answers.length !== 9) {
    throw new RangeError(`A PHQ-9 has 9 answers (got ${Array.isArray(answers) ? answers.length : typeof answers})`);
  }
  answers.forEach((a, i) => {
    if (!Number.isInteger(a) || a < 0 || a > 3) throw new RangeError(`Item ${i + 1} must be 0, 1, 2 or 3 (got ${String(a)})`);
  });
  const total = answers.reduce((sum, a) => sum + a, 0);
  return { total, severity: phq9Severity(total), item9Positive: (answers[8] ?? 0) > 0 };
}

/** The 1-based numbers of the items not answered, for "complete items 3 and 7". */
export function missingPhq9Items(answers: ReadonlyArray<number | null | undefined>): number[] {
  const missing: number[] = [];
  for (let i = 0; i < 9; i++) if (answers[i] === null || answers[i] === undefined) missing.push(i + 1);
  return missing;
}
