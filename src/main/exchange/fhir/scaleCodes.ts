import { LOCAL_SCALE_CODES, LOINC } from './systems';

/** The rating scales the app scores (DOMAIN.md, "Rating scales beside PHQ-9"). */
export type ExportScale = 'phq9' | 'gad7' | 'madrs' | 'hamd17';

export interface CodeDisplay {
  code: string;
  display: string;
}

/** How one scale is coded in an export: panel, total, one code per item in item order, answer codes by score. */
export interface ScaleCoding {
  system: string;
  panel: CodeDisplay;
  total: CodeDisplay;
  items: readonly CodeDisplay[];
  /** LOINC answer codes by score (index 0 = score 0), where the scale has them; else the item's value is an integer. */
  answers: readonly CodeDisplay[] | null;
}

/**
 * LOINC answer list LL358-3, shared by PHQ-9 and GAD-7 items: "Not at all" … "Nearly every day"
 * scored 0–3 (the LOINC form definition loinc.org/q/44249-1, Regenstrief).
 */
const FREQUENCY_ANSWERS: readonly CodeDisplay[] = [
  { code: 'LA6568-5', display: 'Not at all' },
  { code: 'LA6569-3', display: 'Several days' },
  { code: 'LA6570-1', display: 'More than half the days' },
  { code: 'LA6571-9', display: 'Nearly every day' },
];

/** PHQ-9's unscored functional-difficulty question (LOINC 69722-7) and its answers, same source. */
export const PHQ9_DIFFICULTY_CODING = {
  question: { code: '69722-7', display: 'How difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?' },
  answers: {
    not_difficult: { code: 'LA6572-7', display: 'Not difficult at all' },
    somewhat: { code: 'LA6573-5', display: 'Somewhat difficult' },
    very: { code: 'LA6575-0', display: 'Very difficult' },
    extremely: { code: 'LA6574-3', display: 'Extremely difficult' },
  },
} as const;

/** Local codes for a scale no published code system is cited for here: `<scale>`, `<scale>-total`, `<scale>-1` …. */
function localScale(scale: string, name: string, itemNames: readonly string[]): ScaleCoding {
  return {
    system: LOCAL_SCALE_CODES,
    panel: { code: scale, display: name },
    total: { code: `${scale}-total`, display: `${name} total score` },
    items: itemNames.map((display, i) => ({ code: `${scale}-${i + 1}`, display })),
    answers: null,
  };
}

/**
 * One entry per scale, the only place export codes live; a scale added to the app gets its row here.
 * - PHQ-9: panel 44249-1, items 44250-9 … 44260-8, total 44261-6 — the LOINC form definition of the
 *   panel (loinc.org/q/44249-1, Regenstrief Institute) and DOMAIN.md.
 * - GAD-7: panel 69737-5, total 70274-6 (DOMAIN.md); items 69725-0 … 69736-7 as in HL7's Personal
 *   Health Record Format IG (GAD-7 scored-assessment example), answers LL358-3 as PHQ-9's.
 * - MADRS and HAM-D 17: no LOINC codes were looked up and cited, so a local code system (DOMAIN.md:
 *   "look up and cite any other code before using it, or use a local code system").
 */
export const SCALE_CODES: Record<ExportScale, ScaleCoding> = {
  phq9: {
    system: LOINC,
    panel: { code: '44249-1', display: 'PHQ-9 quick depression assessment panel' },
    total: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
    items: [
      { code: '44250-9', display: 'Little interest or pleasure in doing things' },
      { code: '44255-8', display: 'Feeling down, depressed, or hopeless' },
      { code: '44259-0', display: 'Trouble falling or staying asleep, or sleeping too much' },
      { code: '44254-1', display: 'Feeling tired or having little energy' },
      { code: '44251-7', display: 'Poor appetite or overeating' },
      { code: '44258-2', display: 'Feeling bad about yourself-or that you are a failure or have let yourself or your family down' },
      { code: '44252-5', display: 'Trouble concentrating on things, such as reading the newspaper or watching television' },
      { code: '44253-3', display: 'Moving or speaking so slowly that other people could have noticed. Or the opposite-being so fidgety or restless that you have been moving around a lot more than usual' },
      { code: '44260-8', display: 'Thoughts that you would be better off dead, or of hurting yourself in some way' },
    ],
    answers: FREQUENCY_ANSWERS,
  },
  gad7: {
    system: LOINC,
    panel: { code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)' },
    total: { code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
    items: [
      { code: '69725-0', display: 'Feeling nervous, anxious or on edge' },
      { code: '68509-9', display: 'Not being able to stop or control worrying' },
      { code: '69733-4', display: 'Worrying too much about different things' },
      { code: '69734-2', display: 'Trouble relaxing' },
      { code: '69735-9', display: 'Being so restless that it is hard to sit still' },
      { code: '69689-8', display: 'Becoming easily annoyed or irritable' },
      { code: '69736-7', display: 'Feeling afraid as if something awful might happen' },
    ],
    answers: FREQUENCY_ANSWERS,
  },
  madrs: localScale('madrs', 'Montgomery-Asberg Depression Rating Scale (MADRS)', [
    'Apparent sadness', 'Reported sadness', 'Inner tension', 'Reduced sleep', 'Reduced appetite',
    'Concentration difficulties', 'Lassitude', 'Inability to feel', 'Pessimistic thoughts', 'Suicidal thoughts',
  ]),
  hamd17: localScale('hamd17', 'Hamilton Depression Rating Scale, 17 items (HAM-D 17)', [
    'Depressed mood', 'Guilt', 'Suicide', 'Insomnia, early', 'Insomnia, middle', 'Insomnia, late', 'Work and activities',
    'Retardation', 'Agitation', 'Anxiety, psychic', 'Anxiety, somatic', 'Somatic symptoms, gastro-intestinal',
    'General somatic symptoms', 'Genital symptoms', 'Hypochondriasis', 'Loss of weight', 'Insight',
  ]),
};
