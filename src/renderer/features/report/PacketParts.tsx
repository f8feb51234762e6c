import { describeStimulation, formatDuration, phq9SeverityLabels, summarizeTrials, trialWeeks } from '../../../shared/clinical';
import { diagnosisLabel } from '../../../shared/icd10';
import type { PacketData } from '../../../shared/schemas/packet';
import { psychotherapyTypeLabels, trialOutcomeLabels, trialOutcomes } from '../../../shared/schemas/history';
import { screeningQuestionShort } from '../../../shared/schemas/screening';
import { sexLabels } from '../../../shared/schemas/patient';
import { targetLabels } from '../../../shared/schemas/stimulation';
import { ageToday, formatDate, formatDateTime, patientName } from '../../format';
import classes from './Report.module.css';
import { ReportField } from './ReportField';

/** Said on every payer document: the app reports the record; the payer decides. */
export const FACTS_ONLY = 'This document presents facts from the clinical record. It does not state or imply that treatment is covered or will be paid for; coverage is decided by the payer.';

export function PacketHeader({ data, title }: { data: PacketData; title: string }) {
  const { clinic } = data.report;
  return (
    <header className={classes.title}>
      <div>
        <div className={classes.clinic}>{clinic.clinicName || 'TMS clinic'}</div>
        {clinic.clinicAddress && <div className={classes.muted}>{clinic.clinicAddress}</div>}
      </div>
      <div className={classes.right}>
        <h1>{title}</h1>
        <div className={classes.muted}>Generated {formatDateTime(data.report.generatedAt)} by {data.report.generatedByName}</div>
      </div>
    </header>
  );
}

export function PatientFacts({ data }: { data: PacketData }) {
  const { patient, course } = data.report.detail;
  const diagnosis = diagnosisLabel(patient.primaryDiagnosis);
  return (
    <section className={classes.grid4}>
      <ReportField label="Patient"><b>{patientName(patient)}</b></ReportField>
      <ReportField label="MRN">{patient.mrn}</ReportField>
      <ReportField label="Date of birth">{formatDate(patient.dateOfBirth)} ({ageToday(patient.dateOfBirth)} y), {sexLabels[patient.sex]}</ReportField>
      <ReportField label="Diagnosis (ICD-10)"><b>{patient.primaryDiagnosis}</b>{diagnosis ? ` — ${diagnosis}` : ''}</ReportField>
      <ReportField label="Referring psychiatrist">{patient.referringPsychiatrist || '—'}</ReportField>
      <ReportField label="Prescribing psychiatrist">{course.prescriberName}</ReportField>
      <ReportField label="Payer reference">{data.report.detail.authorizations.at(-1)?.reference || '—'}</ReportField>
      <ReportField label="Course start">{formatDate(course.startDate)}</ReportField>
    </section>
  );
}

export function TrialsSection({ data }: { data: PacketData }) {
  const { trials, psychotherapy } = data.history;
  const summary = summarizeTrials(trials);
  const outcomes = trialOutcomes.filter((o) => summary.outcomes[o] > 0).map((o) => `${summary.outcomes[o]} ${trialOutcomeLabels[o].toLowerCase()}`);
  return (
    <>
      <h2>Antidepressant trials</h2>
      {trials.length === 0 ? <p>None recorded.</p> : (
        <>
          <p data-testid="trial-summary">
            <b>{summary.count} trial{summary.count === 1 ? '' : 's'}</b>, {summary.adequate} at an adequate dose and duration;
            {' '}{summary.classes.length} class{summary.classes.length === 1 ? '' : 'es'}: {summary.classes.join(', ')}. Outcomes: {outcomes.join(', ')}.
          </p>
          <table className={classes.table} aria-label="Antidepressant trials">
            <thead><tr><th>Drug</th><th>Class</th><th>Dose</th><th>Started</th><th>Ended</th><th>Weeks</th><th>Adequate dose and duration</th><th>Outcome</th></tr></thead>
            <tbody>
              {trials.map((t) => (
                <tr key={t.id}>
                  <td><b>{t.drug}</b></td><td>{t.drugClass}</td><td>{t.dose}</td>
                  <td className={classes.nowrap}>{formatDate(t.startedOn)}</td><td className={classes.nowrap}>{t.endedOn ? formatDate(t.endedOn) : 'ongoing'}</td>
                  <td>{trialWeeks(t.startedOn, t.endedOn) ?? '—'}</td><td>{t.adequate ? 'Yes' : 'No'}</td>
                  <td>{trialOutcomeLabels[t.outcome]}{t.outcomeNote ? `: ${t.outcomeNote}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Psychotherapy</h2>
      {psychotherapy.length === 0 ? <p>None recorded.</p> : (
        <table className={classes.table} aria-label="Psychotherapy">
          <thead><tr><th>Type</th><th>Started</th><th>Ended</th><th>Sessions</th><th>Notes</th></tr></thead>
          <tbody>
            {psychotherapy.map((t) => (
              <tr key={t.id}>
                <td><b>{psychotherapyTypeLabels[t.therapyType]}</b></td><td className={classes.nowrap}>{formatDate(t.startedOn)}</td>
                <td className={classes.nowrap}>{t.endedOn ? formatDate(t.endedOn) : 'ongoing'}</td><td>{t.sessions}</td><td>{t.notes || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function BaselineSection({ data }: { data: PacketData }) {
  const b = data.baseline;
  return (
    <>
      <h2>Baseline score</h2>
      {b ? (
        <table className={classes.table} aria-label="Baseline">
          <thead><tr><th>Scale</th><th>Date</th><th>Total</th><th>Severity</th><th>Item 9 (self-harm thoughts)</th></tr></thead>
          <tbody>
            <tr><td>PHQ-9</td><td>{formatDate(b.assessedOn)}</td><td><b>{b.total}</b> / 27</td><td>{phq9SeverityLabels[b.severity]}</td><td>{b.item9Positive ? `Positive (${b.answers[8]})` : '0'}</td></tr>
          </tbody>
        </table>
      ) : (
        <p>No baseline PHQ-9 within 30 days before the {data.baselineProvisional ? 'planned start' : 'first session'}.</p>
      )}
      {b && data.baselineProvisional && <p className={classes.muted}>The latest PHQ-9 within 30 days before the planned start; the baseline of record is the last one on or before the first session.</p>}
    </>
  );
}

export function ProtocolSection({ data }: { data: PacketData }) {
  const { course } = data.report.detail;
  return (
    <>
      <h2>Prescribed protocol and sessions</h2>
      <p>
        <b>{course.protocolName}</b> — {targetLabels[course.target]}, {course.coil}. {describeStimulation(course)}.
        {' '}Per session: {course.dose.totalPulses} pulses, {formatDuration(course.dose.durationS)}.
        {' '}<b>{course.plannedSessions} sessions planned</b>{course.schedule ? ` (${course.schedule})` : ''}; {course.authorizedSessions} authorized so far.
      </p>
    </>
  );
}

export function ScreeningSection({ data }: { data: PacketData }) {
  const { screening, consent } = data.readiness;
  const medications = data.history.medications.filter((m) => !m.stoppedOn);
  return (
    <>
      <h2>Safety screening and consent</h2>
      {screening ? (
        <p data-testid="packet-screening">
          TMS safety screening of {formatDate(screening.screenedOn)} ({screening.screenedByName}):{' '}
          {screening.positive.length === 0 ? <b>no positive answer</b> : <><b>positive: {screening.positive.map((q) => screeningQuestionShort[q]).join(', ')}</b>{screening.details ? ` (${screening.details})` : ''}</>}.
          {' '}{screening.clearedByName ? `Cleared by ${screening.clearedByName} on ${formatDate((screening.clearedAt ?? '').slice(0, 10))}${screening.clearance ? `: “${screening.clearance}”` : '.'}` : 'Not yet cleared by a psychiatrist.'}
        </p>
      ) : <p>No safety screening recorded yet.</p>}
      <p>{consent ? `Informed consent signed ${formatDate(consent.consentedOn)} (${consent.consentVersion}), obtained by ${consent.obtainedByName}.` : 'No informed consent recorded yet.'}</p>
      {medications.length > 0 && (
        <p>Current medications: {medications.map((m) => `${m.drug} ${m.dose}${m.excitability ? ' (changes cortical excitability)' : ''}`).join('; ')}.</p>
      )}
    </>
  );
}

export function Signature({ data }: { data: PacketData }) {
  return (
    <div className={classes.avoidBreak}>
      <p className={classes.muted}>{FACTS_ONLY}</p>
      <div className={classes.signature}>
        <div>Psychiatrist: {data.report.detail.course.prescriberName}</div>
        <div>Signature ______________________________</div>
        <div>Date ______________</div>
      </div>
    </div>
  );
}
