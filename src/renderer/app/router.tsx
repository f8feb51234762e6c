import type { ComponentType } from 'react';
import { createHashRouter, Navigate } from 'react-router';
import { TodayScreen } from '../features/today/TodayScreen';
import { AppLayout } from './AppLayout';
import { NotFoundScreen } from './NotFoundScreen';
import { routine } from './routineScreens';

/**
 * A screen loaded when first opened. Only the today list comes with the app's first script; the
 * routine path (patients, course, session and assessment forms) is fetched as soon as the today
 * list is on screen (`preloadRoutineScreens`), so a routine session does not wait for a chunk; the
 * dashboard, the library and the administrators' screens, and the charts, come when first opened.
 */
function later<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayScreen /> },
      { path: 'protocols', lazy: later(() => import('../features/protocols/ProtocolListScreen'), (m) => m.ProtocolListScreen) },
      { path: 'protocols/new', lazy: later(() => import('../features/protocols/ProtocolScreens'), (m) => m.ProtocolNewScreen) },
      { path: 'protocols/:protocolId/revise', lazy: later(() => import('../features/protocols/ProtocolScreens'), (m) => m.ProtocolReviseScreen) },
      { path: 'patients/:patientId/courses/new', lazy: later(() => import('../features/courses/PrescribeCourseScreen'), (m) => m.PrescribeCourseScreen) },
      { path: 'courses/:courseId', lazy: later(routine.course, (m) => m.CourseScreen) },
      { path: 'patients/:patientId/phq9/new', lazy: later(routine.assessment, (m) => function Phq9FormScreen() { return <m.AssessmentFormScreen scale="phq9" />; }) },
      { path: 'patients/:patientId/assessments/:scale/new', lazy: later(routine.assessment, (m) => m.AssessmentFormScreen) },
      { path: 'alerts', lazy: later(() => import('../features/phq9/AlertsScreen'), (m) => m.AlertsScreen) },
      { path: 'dashboard', lazy: later(() => import('../features/dashboard/DashboardScreen'), (m) => m.DashboardScreen) },
      { path: 'courses/:courseId/sessions/new', lazy: later(routine.session, (m) => m.SessionFormScreen) },
      { path: 'courses/:courseId/sessions/:sessionId/correct', lazy: later(routine.session, (m) => m.SessionFormScreen) },
      { path: 'patients', lazy: later(routine.patientList, (m) => m.PatientListScreen) },
      { path: 'patients/new', lazy: later(routine.patientForms, (m) => m.PatientNewScreen) },
      { path: 'patients/:patientId', lazy: later(routine.patientDetail, (m) => m.PatientDetailScreen) },
      { path: 'patients/:patientId/edit', lazy: later(routine.patientForms, (m) => m.PatientEditScreen) },
      { path: 'staff', lazy: later(() => import('../features/staff/StaffScreen'), (m) => m.StaffScreen) },
      { path: 'audit', lazy: later(() => import('../features/auditlog/AuditScreen'), (m) => m.AuditScreen) },
      { path: 'about', lazy: later(() => import('../features/about/AboutScreen'), (m) => m.AboutScreen) },
      { path: 'backups', lazy: later(() => import('../features/backup/BackupScreen'), (m) => m.BackupScreen) },
      { path: 'clinic-database', lazy: later(() => import('../features/clinicDatabase/ClinicDatabaseScreen'), (m) => m.ClinicDatabaseScreen) },
      { path: 'import', lazy: later(() => import('../features/import/ImportScreen'), (m) => m.ImportScreen) },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
]);
