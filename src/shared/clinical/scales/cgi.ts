import type { ScaleDefinition } from './types';

/**
 * Clinical Global Impression (Guy, ECDEU Assessment Manual for Psychopharmacology, 1976): two
 * single ratings 1–7 by the psychiatrist. Anchors as in the manual (checked against the CamCOPS
 * task strings, cgi.xml); "0 – not assessed" is left out: a CGI not assessed is not recorded.
 * Neither is a symptom total: no response/remission rule and no percent change.
 */
const SEVERITY_ANSWERS = [
  'Normal, not at all ill', 'Borderline mentally ill', 'Mildly ill', 'Moderately ill', 'Markedly ill', 'Severely ill', 'Among the most extremely ill patients',
] as const;
const IMPROVEMENT_ANSWERS = [
  'Very much improved', 'Much improved', 'Minimally improved', 'No change', 'Minimally worse', 'Much worse', 'Very much worse',
] as const;

function oneBandPerAnswer(answers: readonly string[]) {
  return answers.map((label, i) => ({ key: `r${i + 1}`, label, from: i + 1, to: i + 1 }));
}

export const cgiSeverityScale: ScaleDefinition<'cgi_s'> = {
  id: 'cgi_s',
  name: 'CGI-S',
  fullName: 'Clinical Global Impression – Severity',
  source: 'Guy, ECDEU Assessment Manual, 1976',
  rater: 'clinician',
  stem: 'Considering your total clinical experience with this population, how mentally ill is the patient at this time?',
  items: [{ label: 'Severity of illness', text: 'Severity of illness', min: 1, max: 7, answers: SEVERITY_ANSWERS }],
  bands: oneBandPerAnswer(SEVERITY_ANSWERS),
  outcome: null,
  suicideItem: null,
  loinc: null,
};

export const cgiImprovementScale: ScaleDefinition<'cgi_i'> = {
  id: 'cgi_i',
  name: 'CGI-I',
  fullName: 'Clinical Global Impression – Improvement',
  source: 'Guy, ECDEU Assessment Manual, 1976',
  rater: 'clinician',
  stem: 'Compared with the patient’s condition at baseline (the start of this course), how much has it changed?',
  items: [{ label: 'Global improvement', text: 'Global improvement since baseline', min: 1, max: 7, answers: IMPROVEMENT_ANSWERS }],
  bands: oneBandPerAnswer(IMPROVEMENT_ANSWERS),
  outcome: null,
  suicideItem: null,
  loinc: null,
};
