import { meanWithCiOfSums, type ValueSums, wilsonInterval } from '../../shared/clinical';
import type { Cohort, CohortRate, CohortRateSet, DashboardScale } from '../../shared/schemas/dashboard';
import type { ScoredCourse } from './dashboardCourses';

/** Responders and remitters among n courses. */
interface Tally {
  n: number;
  responders: number;
  remitters: number;
}

const tally = (): Tally => ({ n: 0, responders: 0, remitters: 0 });

function count(t: Tally, outcome: ScoredCourse['outcome'], sign: 1 | -1): void {
  t.n += sign;
  if (outcome?.response === true) t.responders += sign;
  if (outcome?.remission === true) t.remitters += sign;
}

function rate(k: number, n: number): CohortRate {
  const ci = wilsonInterval(k, n);
  return { k, n, rate: n === 0 ? null : k / n, low: ci?.low ?? null, high: ci?.high ?? null };
}

function rateSet(t: Tally): CohortRateSet {
  return { n: t.n, response: rate(t.responders, t.n), remission: rate(t.remitters, t.n) };
}

/**
 * Cohort figures (DOMAIN.md, "Cohort figures") on one scale, only over courses whose baseline the
 * scale rates (isRatedBaseline: PHQ-9 and GAD-7 at least 10, MADRS 20, HAM-D 17):
 * - completers: completed courses with an end-of-treatment score;
 * - intention to treat: every ended course with at least one session; one with no score after
 *   its baseline counts as neither responding nor remitting;
 * each rate with its n and 95% Wilson interval. Active courses are in neither set until they end.
 * The mean trajectory uses every course with a rated baseline and an end-of-treatment score;
 * the rates by protocol are intention to treat. Response and remission are the scale's rule
 * (measuredOutcome → classifyScaleOutcome), never restated here.
 *
 * Everything here is a count or a sum of whole-number scores, so a course can be taken out
 * (`remove`) exactly as it was added: after a change the dashboard swaps the few courses whose
 * revision moved instead of going over 121,440 courses again.
 */
export class CohortSums {
  private courses = 0;
  private included = 0;
  private notYetEnded = 0;
  private readonly completers = tally();
  private readonly intentionToTreat = tally();
  private readonly sumsByWeek = new Map<number, ValueSums>();
  private readonly byName = new Map<string, Tally>();

  static of(courses: Iterable<ScoredCourse>): CohortSums {
    const sums = new CohortSums();
    for (const course of courses) sums.add(course);
    return sums;
  }

  add(course: ScoredCourse): void {
    this.apply(course, 1);
  }

  remove(course: ScoredCourse): void {
    this.apply(course, -1);
  }

  private apply(course: ScoredCourse, sign: 1 | -1): void {
    this.courses += sign;
    if (!course.ratedBaseline) return;
    const { parts, outcome, row } = course;
    const ended = row.status === 'completed' || row.status === 'discontinued';
    if (!ended) this.notYetEnded += sign;
    if (row.status === 'completed' && parts.endOfTreatment !== null) count(this.completers, outcome, sign);
    if (ended && row.sessionsDone > 0) {
      count(this.intentionToTreat, outcome, sign);
      let entry = this.byName.get(course.protocolBaseName);
      if (!entry) {
        entry = tally();
        this.byName.set(course.protocolBaseName, entry);
      }
      count(entry, outcome, sign);
      if (entry.n === 0) this.byName.delete(course.protocolBaseName);
    }
    if (outcome === null) return;
    this.included += sign;
    const weeks = course.weeks;
    for (let i = 0; i < weeks.length; i += 2) this.addWeek(weeks[i] ?? 0, weeks[i + 1] ?? 0, sign);
  }

  private addWeek(week: number, total: number, sign: 1 | -1): void {
    const sums = this.sumsByWeek.get(week);
    if (!sums) {
      this.sumsByWeek.set(week, { n: sign, sum: sign * total, sumOfSquares: sign * total * total });
      return;
    }
    sums.n += sign;
    sums.sum += sign * total;
    sums.sumOfSquares += sign * total * total;
    if (sums.n === 0) this.sumsByWeek.delete(week);
  }

  cohort(scale: DashboardScale): Omit<Cohort, 'scales'> {
    const weeks = [...this.sumsByWeek.entries()].sort(([a], [b]) => a - b).map(([week, sums]) => ({ week, ...meanWithCiOfSums(sums) }));
    const byProtocol = [...this.byName.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([protocolName, e]) => ({ protocolName, ...e, responseRate: e.responders / e.n, remissionRate: e.remitters / e.n }));
    return {
      scale,
      includedCourses: this.included,
      excludedCourses: this.courses - this.included,
      completers: rateSet(this.completers),
      intentionToTreat: rateSet(this.intentionToTreat),
      notYetEnded: this.notYetEnded,
      weeks,
      byProtocol,
    };
  }
}
