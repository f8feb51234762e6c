import { Badge, Button, Checkbox, Group, Kbd, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { type KeyboardEvent, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { sexLabels } from '../../../shared/schemas/patient';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ageToday, formatDate, patientName } from '../../format';
import { usePatientSearch } from './queries';
import classes from './PatientListScreen.module.css';
import { HiddenHeader } from '../../components/HiddenHeader';

function moveFocus(event: KeyboardEvent<HTMLElement>, step: 1 | -1) {
  const rows = Array.from(event.currentTarget.closest('tbody')?.querySelectorAll<HTMLElement>('tr[data-row]') ?? []);
  const index = rows.indexOf(event.currentTarget);
  rows[index + step]?.focus();
  event.preventDefault();
}

export function PatientListScreen() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // The typed text lives in state (a round trip through the URL on every keystroke drops
  // characters); the URL follows it so Back from a patient returns to the same search.
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const [includeArchived, setIncludeArchived] = useState(() => params.get('archived') === '1');
  const deferredQuery = useDeferredValue(query);
  const search = usePatientSearch(deferredQuery, includeArchived);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableSectionElement>(null);

  useHotkeys([['/', () => searchRef.current?.focus()]]);
  // Works where focus starts (the search box): a plain N would type an "n" there.
  useHotkeys([['alt+N', () => void navigate('/patients/new'), { usePhysicalKeys: true }]], []);

  useEffect(() => {
    setParams({ ...(query ? { q: query } : {}), ...(includeArchived ? { archived: '1' } : {}) }, { replace: true });
  }, [query, includeArchived, setParams]);

  const open = (id: number) => navigate(`/patients/${id}`);
  const items = search.data?.items ?? [];
  const total = search.data?.total ?? 0;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1} size="h2">Patients</Title>
        <Button onClick={() => navigate('/patients/new')} rightSection={<Kbd size="xs">Alt+N</Kbd>}>New patient</Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          ref={searchRef}
          flex={1}
          label="Find a patient"
          placeholder="Name or MRN — e.g. “lovelace ada” or “MRN-0042”"
          value={query}
          autoFocus
          onChange={(e) => setQuery(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') tableRef.current?.querySelector<HTMLElement>('tr[data-row]')?.focus();
            if (e.key === 'Enter' && items.length === 1 && items[0]) open(items[0].id);
          }}
          rightSection={<Kbd size="xs">/</Kbd>}
        />
        <Checkbox
          label="Include archived"
          checked={includeArchived}
          onChange={(e) => setIncludeArchived(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <ErrorNotice error={search.error} title="Search failed" />
      {search.isSuccess && total === 0 && (
        <Text c="dimmed" data-testid="empty-state">
          {query
            ? `No patient matches “${query}”. Check the spelling or MRN${includeArchived ? '' : ', or include archived patients'}.`
            : 'No patients yet. Add the first one with New patient (N).'}
        </Text>
      )}
      {items.length > 0 && (
        <>
          <Table highlightOnHover verticalSpacing={6} className={classes.table} aria-label="Patients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>MRN</Table.Th>
                <Table.Th>Date of birth</Table.Th>
                <Table.Th>Sex</Table.Th>
                <Table.Th>Diagnosis</Table.Th>
                <HiddenHeader />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody ref={tableRef}>
              {items.map((p) => (
                <Table.Tr
                  key={p.id}
                  data-row
                  tabIndex={0}
                  className={classes.row}
                  onClick={() => open(p.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') open(p.id);
                    if (e.key === 'ArrowDown') moveFocus(e, 1);
                    if (e.key === 'ArrowUp') moveFocus(e, -1);
                  }}
                >
                  <Table.Td fw={600}>{patientName(p)}</Table.Td>
                  <Table.Td ff="monospace">{p.mrn}</Table.Td>
                  <Table.Td>{formatDate(p.dateOfBirth)} <Text span c="dimmed" size="sm">({ageToday(p.dateOfBirth)} y)</Text></Table.Td>
                  <Table.Td>{sexLabels[p.sex]}</Table.Td>
                  <Table.Td ff="monospace">{p.primaryDiagnosis}</Table.Td>
                  <Table.Td>{p.archivedAt && <Badge color="gray" variant="outline">Archived</Badge>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" c="dimmed" data-testid="result-count">
            {total > items.length
              ? `Showing the first ${items.length} of ${total} patients — type more of a name or MRN to narrow.`
              : `${total} ${total === 1 ? 'patient' : 'patients'}`}
          </Text>
        </>
      )}
    </Stack>
  );
}
