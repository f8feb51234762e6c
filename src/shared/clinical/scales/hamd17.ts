import type { ScaleDefinition, ScaleItem } from './types';

function item(label: string, text: string, answers: readonly string[]): ScaleItem {
  return { label, text, min: 0, max: answers.length - 1, answers };
}

/**
 * HAM-D 17 (Hamilton, J Neurol Neurosurg Psychiatry 1960;23:56–62): 17 clinician-rated items;
 * items 4, 5, 6, 12, 13, 14, 16 and 17 score 0–2, the others 0–4; total 0–52. Anchors as in the
 * public-domain GRID/NINDS form (abbreviated; the CamCOPS task strings, hamd.xml, were used to
 * check them); item 16 is rated by history. Bands 0–7 no depression, 8–16 mild, 17–23
 * moderate, 24–52 severe (Zimmerman et al., J Affect Disord 2013;150:384–388); remission ≤ 7.
 * No LOINC code is used: exports carry it in the app's local code system.
 */
export const hamd17Scale: ScaleDefinition<'hamd17'> = {
  id: 'hamd17',
  name: 'HAM-D 17',
  fullName: 'Hamilton Depression Rating Scale, 17 items',
  source: 'Hamilton, J Neurol Neurosurg Psychiatry 1960',
  rater: 'clinician',
  stem: 'Rate from the clinical interview, over the past week.',
  items: [
    item('Depressed mood', 'Sadness, hopeless, helpless, worthless', [
      'Absent', 'Indicated only on questioning', 'Spontaneously reported verbally',
      'Communicated non-verbally (facial expression, posture, voice, tendency to weep)', 'Virtually only these feeling states, verbally and non-verbally',
    ]),
    item('Guilt', 'Feelings of guilt', [
      'Absent', 'Self-reproach; feels they have let people down', 'Ideas of guilt or rumination over past errors or sinful deeds',
      'Present illness is a punishment; delusions of guilt', 'Accusatory or denunciatory voices, or threatening visual hallucinations',
    ]),
    item('Suicide', 'Suicide', [
      'Absent', 'Feels life is not worth living', 'Wishes they were dead, or any thoughts of possible death to self', 'Suicidal ideas or gesture', 'Attempts at suicide',
    ]),
    item('Insomnia: early', 'Insomnia early in the night', ['No difficulty falling asleep', 'Occasional difficulty falling asleep (more than ½ hour)', 'Nightly difficulty falling asleep']),
    item('Insomnia: middle', 'Insomnia in the middle of the night', ['No difficulty', 'Restless and disturbed during the night', 'Waking during the night; any getting out of bed (except to void)']),
    item('Insomnia: late', 'Insomnia in the early hours of the morning', ['No difficulty', 'Wakes in the early hours but goes back to sleep', 'Unable to fall asleep again after getting out of bed']),
    item('Work and activities', 'Work and activities', [
      'No difficulty', 'Thoughts and feelings of incapacity, fatigue or weakness related to activities', 'Loss of interest in activities, hobbies or work',
      'Decrease in time spent in activities or in productivity', 'Stopped working because of present illness',
    ]),
    item('Retardation', 'Slowness of thought and speech, impaired concentration, decreased motor activity', [
      'Normal speech and thought', 'Slight retardation at interview', 'Obvious retardation at interview', 'Interview difficult', 'Complete stupor',
    ]),
    item('Agitation', 'Agitation', ['None', 'Fidgetiness', 'Playing with hands, hair, etc.', 'Moving about, cannot sit still', 'Hand wringing, nail biting, hair pulling, biting of lips']),
    item('Anxiety: psychic', 'Anxiety (psychological)', [
      'No difficulty', 'Subjective tension and irritability', 'Worrying about minor matters', 'Apprehensive attitude apparent in face or speech', 'Fears expressed without questioning',
    ]),
    item('Anxiety: somatic', 'Physiological concomitants of anxiety (gastrointestinal, cardiovascular, respiratory, urinary frequency, sweating)', [
      'Absent', 'Mild', 'Moderate', 'Severe', 'Incapacitating',
    ]),
    item('Somatic: gastrointestinal', 'Somatic symptoms, gastrointestinal', [
      'None', 'Loss of appetite but eating without encouragement; heavy feelings in abdomen', 'Difficulty eating without urging; needs laxatives or medication for GI symptoms',
    ]),
    item('Somatic: general', 'General somatic symptoms', ['None', 'Heaviness in limbs, back or head; aches; loss of energy, fatigability', 'Any clear-cut symptom']),
    item('Genital symptoms', 'Loss of libido, impaired sexual performance, menstrual disturbances', ['Absent', 'Mild', 'Severe']),
    item('Hypochondriasis', 'Hypochondriasis', ['Not present', 'Self-absorption (bodily)', 'Preoccupation with health', 'Frequent complaints, requests for help', 'Hypochondriacal delusions']),
    item('Loss of weight', 'Loss of weight, by history', ['No weight loss', 'Probable weight loss associated with present illness', 'Definite weight loss (according to the patient)']),
    item('Insight', 'Insight', ['Acknowledges being depressed and ill', 'Acknowledges illness but attributes it to other causes (food, climate, overwork…)', 'Denies being ill at all']),
  ],
  bands: [
    { key: 'none', label: 'No depression', from: 0, to: 7 },
    { key: 'mild', label: 'Mild', from: 8, to: 16 },
    { key: 'moderate', label: 'Moderate', from: 17, to: 23 },
    { key: 'severe', label: 'Severe', from: 24, to: 52 },
  ],
  outcome: { remissionAtMost: 7, ratedMinBaseline: 17, remissionText: '≤ 7' },
  suicideItem: 3,
  loinc: null,
};
