import { describe, expect, it } from 'vitest';
import {
  classifyScaleOutcome,
  isRatedBaseline,
  mayRate,
  missingItems,
  SCALES,
  scaleIds,
  scaleMaxTotal,
  scoreAssessment,
  scorePhq9,
  scoreScale,
  type SymptomScaleId,
} from '../../src/shared/clinical';

/** Written out from DOMAIN.md ("Rating scales beside PHQ-9"), not read from the definitions. */
const EXPECTED: Record<SymptomScaleId, { itemMax: number[]; bands: Array<[string, number, number]>; suicideItem: number | null; remissionAtMost: number }> = {
  phq9: {
    itemMax: [3, 3, 3, 3, 3, 3, 3, 3, 3],
    bands: [['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['moderately_severe', 15, 19], ['severe', 20, 27]],
    suicideItem: 9,
    remissionAtMost: 4,
  },
  gad7: {
    itemMax: [3, 3, 3, 3, 3, 3, 3],
    bands: [['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['severe', 15, 21]],
    suicideItem: null,
    remissionAtMost: 4,
  },
  madrs: {
    itemMax: [6, 6, 6, 6, 6, 6, 6, 6, 6, 6],
    bands: [['normal', 0, 6], ['mild', 7, 19], ['moderate', 20, 34], ['severe', 35, 60]],
    suicideItem: 10,
    remissionAtMost: 10,
  },
  hamd17: {
    // items 4, 5, 6, 12, 13, 14, 16, 17 score 0–2, the others 0–4
    itemMax: [4, 4, 4, 2, 2, 2, 4, 4, 4, 4, 4, 2, 2, 2, 4, 2, 2],
    bands: [['none', 0, 7], ['mild', 8, 16], ['moderate', 17, 23], ['severe', 24, 52]],
    suicideItem: 3,
    remissionAtMost: 7,
  },
};
const SYMPTOM_SCALES = Object.keys(EXPECTED) as SymptomScaleId[];

/** Answers summing to `total`, filling items from the first, never touching `avoid` (the suicide item). */
function answersFor(itemMax: number[], total: number, avoid: number | null): number[] {
  let left = total;
  const answers = itemMax.map((max, i) => {
    if (i + 1 === avoid) return 0;
    const a = Math.min(max, left);
    left -= a;
    return a;
  });
  if (left > 0 && avoid !== null) {
    answers[avoid - 1] = left;
    left = 0;
  }
  if (left !== 0) throw new Error(`cannot reach ${total}`);
  return answers;
}

describe.each(SYMPTOM_SCALES)('scoreScale(%s)', (scale) => {
  const { itemMax, bands, suicideItem } = EXPECTED[scale];

  it('has the items, ranges and total range of DOMAIN.md', () => {
    expect(SCALES[scale].items.map((i) => [i.min, i.max])).toEqual(itemMax.map((m) => [0, m]));
    expect(scaleMaxTotal(SCALES[scale])).toBe(bands.at(-1)?.[2]);
    for (const item of SCALES[scale].items) expect(item.answers).toHaveLength(item.max - item.min + 1);
  });

  const boundaries = bands.flatMap(([severity, from, to]) => [[severity, from], [severity, to]] as Array<[string, number]>);
  it.each(boundaries)('band %s at total %i', (severity, total) => {
    const answers = answersFor(itemMax, total, suicideItem);
    expect(scoreScale(scale, answers)).toEqual({ total, severity, suicideItemPositive: suicideItem !== null && (answers[suicideItem - 1] ?? 0) > 0 });
  });

  it.each(itemMax.map((max, i) => [i + 1, max] as const))('item %i accepts 0–%i and nothing outside', (item, max) => {
    const zeros = itemMax.map(() => 0);
    for (let a = 0; a <= max; a++) expect(() => scoreScale(scale, zeros.map((z, i) => (i === item - 1 ? a : z)))).not.toThrow();
    for (const bad of [-1, max + 1, 0.5, Number.NaN]) {
      expect(() => scoreScale(scale, zeros.map((z, i) => (i === item - 1 ? bad : z)))).toThrow(new RegExp(`item ${item} must be a whole number 0–${max}`));
    }
  });

  it.each([0, itemMax.length - 1, itemMax.length + 1])('refuses %i answers', (count) => {
    expect(() => scoreScale(scale, Array.from({ length: count }, () => 0))).toThrow(`has ${itemMax.length} answers (got ${count})`);
  });

  it('flags the suicide item alone, whatever the total', () => {
    const answers = itemMax.map(() => 0);
    if (suicideItem === null) {
      expect(scoreScale(scale, itemMax).suicideItemPositive).toBe(false);
      return;
    }
    answers[suicideItem - 1] = 1;
    expect(scoreScale(scale, answers)).toMatchObject({ total: 1, suicideItemPositive: true });
    const allButSuicide = itemMax.map((m, i) => (i === suicideItem - 1 ? 0 : m));
    expect(scoreScale(scale, allButSuicide).suicideItemPositive).toBe(false);
  });
});

describe('PHQ-9 through the generic scorer', () => {
  it('agrees with scorePhq9 on every total', () => {
    for (let total = 0; total <= 27; total++) {
      const answers = answersFor(EXPECTED.phq9.itemMax, total, null);
      const phq9 = scorePhq9(answers);
      expect(scoreScale('phq9', answers)).toEqual({ total: phq9.total, severity: phq9.severity, suicideItemPositive: phq9.item9Positive });
    }
  });
});

describe('CGI-S and CGI-I: single ratings 1–7', () => {
  it.each([
    ['cgi_s', 1, 'Normal, not at all ill'],
    ['cgi_s', 7, 'Among the most extremely ill patients'],
    ['cgi_i', 1, 'Very much improved'],
    ['cgi_i', 4, 'No change'],
    ['cgi_i', 7, 'Very much worse'],
  ] as const)('%s %i is "%s"', (scale, rating, label) => {
    expect(scoreAssessment(scale, [rating])).toEqual({ total: rating, severity: `r${rating}`, suicideItemPositive: false });
    expect(SCALES[scale].items[0]?.answers[rating - 1]).toBe(label);
    expect(SCALES[scale].rater).toBe('clinician');
  });
  it.each([[[0]], [[8]], [[1, 2]], [[]]])('refuses %j', (answers) => {
    expect(() => scoreAssessment('cgi_s', answers)).toThrow(RangeError);
    expect(() => scoreAssessment('cgi_i', answers)).toThrow(RangeError);
  });
  it('has no response or remission', () => {
    expect(() => classifyScaleOutcome('cgi_s', 5, 2)).toThrow('global rating');
  });
});

describe('classifyScaleOutcome', () => {
  it.each([
    ['phq9', 20, 10, true, false],
    ['phq9', 20, 5, true, false],
    ['phq9', 20, 4, true, true],
    ['gad7', 15, 8, false, false],
    ['gad7', 16, 4, true, true],
    ['madrs', 30, 15, true, false],
    ['madrs', 30, 16, false, false],
    ['madrs', 30, 11, true, false],
    ['madrs', 30, 10, true, true],
    ['hamd17', 24, 12, true, false],
    ['hamd17', 24, 8, true, false],
    ['hamd17', 24, 7, true, true],
    ['hamd17', 0, 0, false, true],
  ] as const)('%s %i → %i: response %s, remission %s', (scale, baseline, latest, response, remission) => {
    expect(classifyScaleOutcome(scale, baseline, latest)).toMatchObject({ change: latest - baseline, response, remission });
  });
  it('refuses totals outside the scale', () => {
    expect(() => classifyScaleOutcome('gad7', 22, 3)).toThrow('GAD-7 total 0–21');
    expect(() => classifyScaleOutcome('madrs', 30, 61)).toThrow('MADRS total 0–60');
  });
  it.each([
    ['phq9', 9, false], ['phq9', 10, true], ['gad7', 10, true], ['madrs', 19, false], ['madrs', 20, true], ['hamd17', 16, false], ['hamd17', 17, true], ['cgi_s', 7, false],
  ] as const)('%s baseline %i rated: %s (at least moderate)', (scale, baseline, rated) => {
    expect(isRatedBaseline(scale, baseline)).toBe(rated);
  });
});

describe('who may rate', () => {
  it.each([
    ['phq9', 'technician', false, true],
    ['gad7', 'technician', false, true],
    ['madrs', 'technician', false, false],
    ['madrs', 'technician', true, true],
    ['hamd17', 'psychiatrist', false, true],
    ['cgi_i', 'technician', true, true],
    ['cgi_s', 'admin', false, false],
    ['phq9', 'admin', true, false],
  ] as const)('%s by a %s (trained rater %s): %s', (scale, role, trainedRater, allowed) => {
    expect(mayRate(scale, { role, trainedRater })).toBe(allowed);
  });
});

describe('every definition is consistent', () => {
  it.each(scaleIds)('%s: bands cover the totals without gaps, answers label every step', (scale) => {
    const def = SCALES[scale];
    const min = def.items.reduce((s, i) => s + i.min, 0);
    expect(def.bands[0]?.from).toBe(min);
    expect(def.bands.at(-1)?.to).toBe(scaleMaxTotal(def));
    def.bands.slice(1).forEach((b, i) => expect(b.from).toBe((def.bands[i]?.to ?? Number.NaN) + 1));
    expect(missingItems(scale, [])).toHaveLength(def.items.length);
  });
});
