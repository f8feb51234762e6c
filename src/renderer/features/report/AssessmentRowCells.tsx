import { type AssessmentPart, treatmentDayOf, weekOfCourse } from '../../../shared/clinical';
import { assessmentPartLabels } from '../../../shared/schemas/phq9';
import { formatDate } from '../../format';
import classes from './Report.module.css';

/** Where an assessment falls in the course: its date, its part, and its week (treatment day on accelerated courses). */
export function AssessmentWhenCells({ assessedOn, part, firstSessionOn, accelerated }: { assessedOn: string; part: AssessmentPart | null; firstSessionOn: string | null; accelerated: boolean }) {
  return (
    <>
      <td className={classes.nowrap}>{formatDate(assessedOn)}</td>
      <td className={classes.nowrap}>{part ? assessmentPartLabels[part] : '—'}</td>
      <td>{firstSessionOn ? (accelerated ? treatmentDayOf(firstSessionOn, assessedOn) : weekOfCourse(firstSessionOn, assessedOn)) : '—'}</td>
    </>
  );
}

/** An assessment entered in error: struck through, who marked it and why, not counted. */
export function EnteredInErrorCells({ assessedOn, total, marked, span }: { assessedOn: string; total: number; marked: { byName: string; at: string; reason: string }; span: number }) {
  return (
    <>
      <td><s>{formatDate(assessedOn)}</s></td><td>—</td><td>—</td><td><s>{total}</s></td>
      <td colSpan={span}>Entered in error ({marked.byName}, {formatDate(marked.at.slice(0, 10))}): {marked.reason}. Not counted.</td>
    </>
  );
}

/** A suicide item's answer: 0, or positive with who acknowledged it (or that no one has). */
export function suicideItemText(positive: boolean, acknowledgement: { byName: string } | null): string {
  return positive ? `Positive${acknowledgement ? `, acknowledged by ${acknowledgement.byName}` : ', NOT acknowledged'}` : '0';
}
