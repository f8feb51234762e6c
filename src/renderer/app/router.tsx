import { createHashRouter, Navigate } from 'react-router';
import { PatientDetailScreen } from '../features/patients/PatientDetailScreen';
import { PatientEditScreen, PatientNewScreen } from '../features/patients/PatientFormScreens';
import { PatientListScreen } from '../features/patients/PatientListScreen';
import { StaffScreen } from '../features/staff/StaffScreen';
import { AppLayout } from './AppLayout';
import { NotFoundScreen } from './NotFoundScreen';

export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/patients" replace /> },
      { path: 'patients', element: <PatientListScreen /> },
      { path: 'patients/new', element: <PatientNewScreen /> },
      { path: 'patients/:patientId', element: <PatientDetailScreen /> },
      { path: 'patients/:patientId/edit', element: <PatientEditScreen /> },
      { path: 'staff', element: <StaffScreen /> },
      { path: '*', element: <NotFoundScreen /> },
    ],
  },
]);
