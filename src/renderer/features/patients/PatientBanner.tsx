import { Badge, Group, Paper, Text } from '@mantine/core';
import { type Patient, sexLabels } from '../../../shared/schemas/patient';
import { ageToday, formatDate, patientName } from '../../format';
import classes from './PatientBanner.module.css';

function Item({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fw={600} data-testid={testId}>{value}</Text>
    </div>
  );
}

/** Who this screen is about, always at the top: the guard against wrong-patient errors. */
export function PatientBanner({ patient }: { patient: Patient }) {
  return (
    <Paper className={classes.banner} p="sm" radius="sm" role="region" aria-label="Patient">
      <Group gap="xl" wrap="nowrap" align="flex-end">
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>Patient</Text>
          <Text size="xl" fw={700} data-testid="banner-name">{patientName(patient)}</Text>
        </div>
        <Item label="MRN" value={patient.mrn} testId="banner-mrn" />
        <Item label="Date of birth" value={formatDate(patient.dateOfBirth)} testId="banner-dob" />
        <Item label="Age" value={`${ageToday(patient.dateOfBirth)} y`} testId="banner-age" />
        <Item label="Sex" value={sexLabels[patient.sex]} />
        {patient.archivedAt && (
          <Badge color="gray" variant="filled" size="lg" ml="auto">Archived</Badge>
        )}
      </Group>
    </Paper>
  );
}
