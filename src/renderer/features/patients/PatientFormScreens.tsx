import { Stack, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { PatientBanner } from './PatientBanner';
import { emptyPatient, PatientForm } from './PatientForm';
import { usePatientIdParam } from './usePatientIdParam';
import { usePatient, usePatientMutation } from './queries';

export function PatientNewScreen() {
  const navigate = useNavigate();
  const create = usePatientMutation('patients:create');
  return (
    <Stack gap="md">
      <Title order={1} size="h2">New patient</Title>
      <PatientForm
        initial={emptyPatient}
        submitLabel="Create patient"
        onCancel={() => navigate('/patients')}
        onSubmit={async (values) => {
          const patient = await create.mutateAsync(values);
          navigate(`/patients/${patient.id}`, { replace: true });
        }}
      />
    </Stack>
  );
}

export function PatientEditScreen() {
  const navigate = useNavigate();
  const id = usePatientIdParam();
  const patient = usePatient(id);
  const update = usePatientMutation('patients:update');
  if (patient.isPending) return <Loading />;
  if (patient.isError) return <ErrorNotice error={patient.error} title="Could not load the patient" />;
  const p = patient.data;
  return (
    <Stack gap={0}>
      <PatientBanner patient={p} />
      <Title order={1} size="h2" mb="md">Edit patient details</Title>
      <PatientForm
        initial={{
          mrn: p.mrn, firstName: p.firstName, lastName: p.lastName, dateOfBirth: p.dateOfBirth, sex: p.sex,
          primaryDiagnosis: p.primaryDiagnosis, referringPsychiatrist: p.referringPsychiatrist, notes: p.notes,
        }}
        submitLabel="Save changes"
        onCancel={() => navigate(`/patients/${p.id}`)}
        onSubmit={async (values) => {
          await update.mutateAsync({ ...values, id: p.id, version: p.version });
          navigate(`/patients/${p.id}`, { replace: true });
        }}
      />
    </Stack>
  );
}
