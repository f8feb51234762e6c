import { createHashRouter, Navigate } from 'react-router';
import { PatientDetailScreen } from '../features/patients/PatientDetailScreen';
import { PatientEditScreen, PatientNewScreen } from '../features/patients/PatientFormScreens';
import { PatientListScreen } from '../features/patients/PatientListScreen';
import { StaffScreen } from '../features/staff/StaffScreen';
import { AuditScreen } from '../features/auditlog/AuditScreen';
import { AboutScreen } from '../features/about/AboutScreen';
import { BackupScreen } from '../features/backup/BackupScreen';
import { CourseScreen } from '../features/courses/CourseScreen';
import { PrescribeCourseScreen } from '../features/courses/PrescribeCourseScreen';
import { ProtocolListScreen } from '../features/protocols/ProtocolListScreen';
import { ProtocolNewScreen, ProtocolReviseScreen } from '../features/protocols/ProtocolScreens';
import { SessionFormScreen } from '../features/sessions/SessionFormScreen';
import { TodayScreen } from '../features/today/TodayScreen';
import { AlertsScreen } from '../features/phq9/AlertsScreen';
import { Phq9FormScreen } from '../features/phq9/Phq9FormScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import { AppLayout } from './AppLayout';
import { NotFoundScreen } from './NotFoundScreen';

export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/today" replace /> },
      { path: 'today', element: <TodayScreen /> },
      { path: 'protocols', element: <ProtocolListScreen /> },
      { path: 'protocols/new', element: <ProtocolNewScreen /> },
      { path: 'protocols/:protocolId/revise', element: <ProtocolReviseScreen /> },
      { path: 'patients/:patientId/courses/new', element: <PrescribeCourseScreen /> },
      { path: 'courses/:courseId', element: <CourseScreen /> },
      { path: 'patients/:patientId/phq9/new', element: <Phq9FormScreen /> },
      { path: 'alerts', element: <AlertsScreen /> },
      { path: 'dashboard', element: <DashboardScreen /> },
      { path: 'courses/:courseId/sessions/new', element: <SessionFormScreen /> },
      { path: 'courses/:courseId/sessions/:sessionId/correct', element: <SessionFormScreen /> },
      { path: 'patients', element: <PatientListScreen /> },
      { path: 'patients/new', element: <PatientNewScreen /> },
      { path: 'patients/:patientId', element: <PatientDetailScreen /> },
      { path: 'patients/:patientId/edit', element: <PatientEditScreen /> },
      { path: 'staff', element: <StaffScreen /> },
      { path: 'audit', element: <AuditScreen /> },
      { path: 'about', element: <AboutScreen /> },
      { path: 'backups', element: <BackupScreen /> },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
]);
