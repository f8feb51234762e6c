import { preloadOnceWhenIdle } from './preloadWhenIdle';

/**
 * The screens of the routine path (and the today list's planned-time dialog), each in a chunk of its own: the router loads them when first
 * opened, and `preloadRoutineScreens` fetches them (and the course view's charts) once the today
 * list is on screen, so the first paint does not carry them and a routine session does not wait.
 */
export const routine = {
  course: () => import('../features/courses/CourseScreen'),
  session: () => import('../features/sessions/SessionFormScreen'),
  assessment: () => import('../features/assessments/AssessmentFormScreen'),
  patientList: () => import('../features/patients/PatientListScreen'),
  patientDetail: () => import('../features/patients/PatientDetailScreen'),
  patientForms: () => import('../features/patients/PatientFormScreens'),
  charts: () => import('../features/charts/Phq9CourseChart'),
  /** The today list's planned-time dialog (a row's "Change"). */
  plannedTime: () => import('../features/today/PlannedTimeDialog'),
};

/** Fetches the routine screens when the page is next idle; once per page. */
export const preloadRoutineScreens = preloadOnceWhenIdle(Object.values(routine));
