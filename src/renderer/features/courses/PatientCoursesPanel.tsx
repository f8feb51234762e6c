import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { courseStatusLabels } from '../../../shared/schemas/course';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../format';
import { useCan } from '../../session/auth';
import { usePatientCourses } from './queries';

export function PatientCoursesPanel({ patientId, archived }: { patientId: number; archived: boolean }) {
  const canPrescribe = useCan()('courses:prescribe');
  const navigate = useNavigate();
  const courses = usePatientCourses(patientId);
  const hasOpen = courses.data?.some((c) => c.status === 'planned' || c.status === 'active') ?? false;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">Treatment courses</Title>
        {canPrescribe && !archived && !hasOpen && (
          <Button size="compact-md" onClick={() => navigate(`/patients/${patientId}/courses/new`)}>Prescribe course</Button>
        )}
      </Group>
      <ErrorNotice error={courses.error} />
      {courses.data?.length === 0 && (
        <Text size="sm" c="dimmed">No courses yet. {canPrescribe ? 'Prescribe one to start treatment.' : 'A psychiatrist prescribes the first course.'}</Text>
      )}
      {courses.data && courses.data.length > 0 && (
        <Table verticalSpacing={4} highlightOnHover aria-label="Courses">
          <Table.Thead><Table.Tr><Table.Th>Start</Table.Th><Table.Th>Protocol</Table.Th><Table.Th>Status</Table.Th><Table.Th>Sessions</Table.Th><Table.Th>Prescriber</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {courses.data.map((c) => (
              <Table.Tr key={c.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/courses/${c.id}`)}>
                <Table.Td>{formatDate(c.startDate)}</Table.Td>
                <Table.Td fw={600}>{c.protocolName}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={c.status === 'discontinued' ? 'red' : 'teal'}>{courseStatusLabels[c.status]}</Badge>
                  {c.reviewRequired && <Badge ml={4} color="red">Review</Badge>}
                </Table.Td>
                <Table.Td>{c.sessionsDone} / {c.plannedSessions}</Table.Td>
                <Table.Td>{c.prescriberName}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
