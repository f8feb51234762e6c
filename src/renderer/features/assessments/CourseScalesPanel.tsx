import { Stack } from '@mantine/core';
import type { CourseDetail } from '../../../shared/schemas/course';
import { AssessmentsPanel } from './AssessmentsPanel';
import { CoursePlanPanel } from './CoursePlanPanel';
import { courseScales } from './courseScales';
import { usePatientAssessments } from './queries';

/**
 * The course's measurement plan and the entries of every scale beside the PHQ-9 (with the part
 * each measures). The outcome itself (charts, summaries, the outcome by scale) is the course's
 * outcome panel.
 */
export function CourseScalesPanel({ detail }: { detail: CourseDetail }) {
  const list = usePatientAssessments(detail.patient.id);
  const span = { firstSessionOn: detail.firstSessionDate, lastSessionOn: detail.lastSessionDate };
  const scales = list.data ? courseScales(list.data, span) : [];
  const listed = scales.flatMap((s) => (s.scale === 'phq9' ? [] : s.listed));
  const beforeTreatment = detail.firstSessionDate === null ? (list.data ?? []).filter((a) => a.scale !== 'phq9') : listed;
  return (
    <Stack gap="md">
      <CoursePlanPanel detail={detail} assessments={list.data} />
      <AssessmentsPanel patient={detail.patient} assessments={list.data ? beforeTreatment : undefined} error={list.error} returnTo={`/courses/${detail.course.id}`} title="Other rating scales for this course" />
    </Stack>
  );
}
