import type { ScaleDefinition } from './types';

/** The answers shared by the PHQ-9 and the GAD-7 (Pfizer's forms). */
export const FREQUENCY_ANSWERS = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'] as const;
const LAST_TWO_WEEKS = 'Over the last 2 weeks, how often have you been bothered by any of the following problems?';

function frequencyItem(label: string, text: string) {
  return { label, text, min: 0, max: 3, answers: FREQUENCY_ANSWERS };
}

/** PHQ-9 (Kroenke, Spitzer & Williams, J Gen Intern Med 2001). Free to reproduce (Pfizer). */
export const phq9Scale: ScaleDefinition<'phq9'> = {
  id: 'phq9',
  name: 'PHQ-9',
  fullName: 'Patient Health Questionnaire-9',
  source: 'Kroenke, Spitzer & Williams, J Gen Intern Med 2001',
  rater: 'self',
  stem: LAST_TWO_WEEKS,
  items: [
    frequencyItem('Interest or pleasure', 'Little interest or pleasure in doing things'),
    frequencyItem('Depressed mood', 'Feeling down, depressed, or hopeless'),
    frequencyItem('Sleep', 'Trouble falling or staying asleep, or sleeping too much'),
    frequencyItem('Energy', 'Feeling tired or having little energy'),
    frequencyItem('Appetite', 'Poor appetite or overeating'),
    frequencyItem('Self-worth', 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down'),
    frequencyItem('Concentration', 'Trouble concentrating on things, such as reading the newspaper or watching television'),
    frequencyItem(
      'Psychomotor',
      'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    ),
    frequencyItem('Thoughts of death or self-harm', 'Thoughts that you would be better off dead or of hurting yourself in some way'),
  ],
  bands: [
    { key: 'minimal', label: 'Minimal', from: 0, to: 4 },
    { key: 'mild', label: 'Mild', from: 5, to: 9 },
    { key: 'moderate', label: 'Moderate', from: 10, to: 14 },
    { key: 'moderately_severe', label: 'Moderately severe', from: 15, to: 19 },
    { key: 'severe', label: 'Severe', from: 20, to: 27 },
  ],
  outcome: { remissionAtMost: 4, ratedMinBaseline: 10, remissionText: '< 5 (PHQ-9 ≤ 4)' },
  suicideItem: 9,
  loinc: { panel: '44249-1', total: '44261-6' },
};

/**
 * GAD-7 (Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006;166:1092–1097). Item texts and
 * answers as on Pfizer's form (no permission required to reproduce). Bands 0–4 / 5–9 / 10–14 /
 * 15–21 from the same paper; remission < 5 as DOMAIN.md states.
 */
export const gad7Scale: ScaleDefinition<'gad7'> = {
  id: 'gad7',
  name: 'GAD-7',
  fullName: 'Generalized Anxiety Disorder-7',
  source: 'Spitzer, Kroenke, Williams & Löwe, Arch Intern Med 2006',
  rater: 'self',
  stem: LAST_TWO_WEEKS,
  items: [
    frequencyItem('Nervous', 'Feeling nervous, anxious, or on edge'),
    frequencyItem('Uncontrolled worry', 'Not being able to stop or control worrying'),
    frequencyItem('Worrying too much', 'Worrying too much about different things'),
    frequencyItem('Trouble relaxing', 'Trouble relaxing'),
    frequencyItem('Restless', "Being so restless that it's hard to sit still"),
    frequencyItem('Irritable', 'Becoming easily annoyed or irritable'),
    frequencyItem('Afraid', 'Feeling afraid as if something awful might happen'),
  ],
  bands: [
    { key: 'minimal', label: 'Minimal', from: 0, to: 4 },
    { key: 'mild', label: 'Mild', from: 5, to: 9 },
    { key: 'moderate', label: 'Moderate', from: 10, to: 14 },
    { key: 'severe', label: 'Severe', from: 15, to: 21 },
  ],
  outcome: { remissionAtMost: 4, ratedMinBaseline: 10, remissionText: '< 5 (GAD-7 ≤ 4)' },
  suicideItem: null,
  loinc: { panel: '69737-5', total: '70274-6' },
};
