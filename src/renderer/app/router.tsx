import type { ComponentType } from 'react';
import { createHashRouter, Navigate } from 'react-router';
import { CourseScreen } from '../features/courses/CourseScreen';
import { PatientDetailScreen } from '../features/patients/PatientDetailScreen';
import { PatientEditScreen, PatientNewScreen } from '../features/patients/PatientFormScreens';
import { PatientListScreen } from '../features/patients/PatientListScreen';
import { AssessmentFormScreen } from '../features/assessments/AssessmentFormScreen';
import { SessionFormScreen } from '../features/sessions/SessionFormScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { AppLayout } from './AppLayout';
import { NotFoundScreen } from './NotFoundScreen';

/**
 * A screen loaded when first opened. The routine path (today list, patients, course, session and
 * PHQ-9 forms) comes with the app's first script, so a routine session never waits for a chunk;
 * the dashboard, the library and the administrators' screens, and the charts, come in chunks of
 * their own.
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
      { path: 'courses/:courseId', element: <CourseScreen /> },
      { path: 'patients/:patientId/phq9/new', element: <AssessmentFormScreen scale="phq9" /> },
      { path: 'patients/:patientId/assessments/:scale/new', element: <AssessmentFormScreen /> },
      { path: 'alerts', lazy: later(() => import('../features/phq9/AlertsScreen'), (m) => m.AlertsScreen) },
      { path: 'dashboard', lazy: later(() => import('../features/dashboard/DashboardScreen'), (m) => m.DashboardScreen) },
      { path: 'courses/:courseId/sessions/new', element: <SessionFormScreen /> },
      { path: 'courses/:courseId/sessions/:sessionId/correct', element: <SessionFormScreen /> },
      { path: 'patients', element: <PatientListScreen /> },
      { path: 'patients/new', element: <PatientNewScreen /> },
      { path: 'patients/:patientId', element: <PatientDetailScreen /> },
      { path: 'patients/:patientId/edit', element: <PatientEditScreen /> },
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
