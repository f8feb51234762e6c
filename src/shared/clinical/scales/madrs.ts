import type { ScaleDefinition, ScaleItem } from './types';

/**
 * An item rated 0–6 with anchors defined at 0, 2, 4 and 6; the odd steps lie between them
 * (Montgomery & Åsberg 1979: "the rater decides whether the rating lies on the defined scale
 * steps (0, 2, 4, 6) or between them (1, 3, 5)").
 */
function madrsItem(label: string, text: string, anchors: readonly [string, string, string, string]): ScaleItem {
  const [a0, a2, a4, a6] = anchors;
  return { label, text, min: 0, max: 6, answers: [a0, 'Between 0 and 2', a2, 'Between 2 and 4', a4, 'Between 4 and 6', a6] };
}

/**
 * MADRS (Montgomery & Åsberg, Br J Psychiatry 1979;134:382–389): ten clinician-rated items 0–6,
 * total 0–60. Anchors abbreviated from the published item definitions. Bands 0–6 normal, 7–19
 * mild, 20–34 moderate, 35–60 severe (Snaith et al., Br J Psychiatry 1986;148:599–601);
 * remission ≤ 10 (Zimmerman et al., J Clin Psychiatry 2004). The study this app follows
 * (Ge et al., Am J Psychiatry 2022) measured change with it. No LOINC code is used: exports
 * carry it in the app's local code system.
 */
export const madrsScale: ScaleDefinition<'madrs'> = {
  id: 'madrs',
  name: 'MADRS',
  fullName: 'Montgomery–Åsberg Depression Rating Scale',
  source: 'Montgomery & Åsberg, Br J Psychiatry 1979',
  rater: 'clinician',
  stem: 'Rate from the clinical interview, over the past week. Choose a defined step (0, 2, 4, 6) or one between them (1, 3, 5).',
  items: [
    madrsItem('Apparent sadness', 'Despondency, gloom and despair reflected in speech, facial expression and posture', [
      'No sadness', 'Looks dispirited but brightens up without difficulty', 'Appears sad and unhappy most of the time', 'Looks miserable all the time; extremely despondent',
    ]),
    madrsItem('Reported sadness', 'Reported low mood, whether or not it shows', [
      'Occasional sadness in keeping with the circumstances', 'Sad or low but brightens up without difficulty',
      'Pervasive sadness or gloominess; mood still influenced by circumstances', 'Continuous or unvarying sadness, misery or despondency',
    ]),
    madrsItem('Inner tension', 'Ill-defined discomfort, edginess, inner turmoil, mounting to panic, dread or anguish', [
      'Placid; only fleeting inner tension', 'Occasional edginess and ill-defined discomfort',
      'Continuous inner tension or intermittent panic, mastered only with some difficulty', 'Unrelenting dread or anguish; overwhelming panic',
    ]),
    madrsItem('Reduced sleep', 'Reduced duration or depth of sleep compared with the usual pattern when well', [
      'Sleeps as usual', 'Slight difficulty dropping off, or slightly reduced, light or fitful sleep',
      'Sleep reduced or broken by at least two hours', 'Less than two or three hours of sleep',
    ]),
    madrsItem('Reduced appetite', 'Loss of appetite compared with when well', [
      'Normal or increased appetite', 'Slightly reduced appetite', 'No appetite; food is tasteless', 'Needs persuasion to eat at all',
    ]),
    madrsItem('Concentration difficulties', 'Difficulty collecting one’s thoughts, mounting to incapacitating lack of concentration', [
      'No difficulty concentrating', 'Occasional difficulty collecting one’s thoughts',
      'Difficulty concentrating that reduces the ability to read or hold a conversation', 'Unable to read or converse without great difficulty',
    ]),
    madrsItem('Lassitude', 'Difficulty getting started, or slowness initiating and performing everyday activities', [
      'Hardly any difficulty getting started; no sluggishness', 'Difficulty starting activities',
      'Difficulty starting simple routine activities, carried out with effort', 'Complete lassitude; unable to do anything without help',
    ]),
    madrsItem('Inability to feel', 'Reduced interest in the surroundings or activities that normally give pleasure', [
      'Normal interest in the surroundings and in other people', 'Reduced ability to enjoy usual interests',
      'Loss of interest in the surroundings; loss of feelings for friends and acquaintances', 'Emotionally paralysed; unable to feel anger, grief or pleasure',
    ]),
    madrsItem('Pessimistic thoughts', 'Thoughts of guilt, inferiority, self-reproach, sinfulness, remorse and ruin', [
      'No pessimistic thoughts', 'Fluctuating ideas of failure, self-reproach or self-depreciation',
      'Persistent self-accusations, or definite but still rational ideas of guilt or sin', 'Delusions of ruin, remorse or irredeemable sin',
    ]),
    madrsItem('Suicidal thoughts', 'The feeling that life is not worth living, that a natural death would be welcome; suicidal thoughts and preparations', [
      'Enjoys life or takes it as it comes', 'Weary of life; only fleeting suicidal thoughts',
      'Probably better off dead; suicidal thoughts common, without specific plans or intention', 'Explicit plans for suicide; active preparations',
    ]),
  ],
  bands: [
    { key: 'normal', label: 'Normal', from: 0, to: 6 },
    { key: 'mild', label: 'Mild', from: 7, to: 19 },
    { key: 'moderate', label: 'Moderate', from: 20, to: 34 },
    { key: 'severe', label: 'Severe', from: 35, to: 60 },
  ],
  outcome: { remissionAtMost: 10, ratedMinBaseline: 20, remissionText: '≤ 10 (Zimmerman et al. 2004)' },
  suicideItem: 10,
  loinc: null,
};
