import { Alert, Badge, Group, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { type ImportCheck, type ImportIssue, importTemplates } from '../../../shared/schemas/import';
import { formatDate } from '../../format';
import { countOf, dateHeading, itemDetail } from './importFormat';

/** Up to this many problems and records are listed; the counts are always whole. */
const SHOWN = 1000;

function IssueTable({ issues, label }: { issues: ImportIssue[]; label: string }) {
  return (
    <ScrollArea.Autosize mah={320} type="auto">
      <Table aria-label={label} striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr><Table.Th w={70}>Row</Table.Th><Table.Th w={180}>Column</Table.Th><Table.Th>Problem</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {issues.slice(0, SHOWN).map((issue, i) => (
            <Table.Tr key={`${issue.row}-${issue.column}-${i}`}>
              <Table.Td>{issue.row}</Table.Td>
              <Table.Td>{issue.column || '—'}</Table.Td>
              <Table.Td>{issue.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {issues.length > SHOWN && <Text size="sm" c="dimmed">The first {SHOWN} of {issues.length.toLocaleString('en-US')} are listed: fix them and check the file again.</Text>}
    </ScrollArea.Autosize>
  );
}

/** Which of the file's columns holds each template column; changing one needs a new check. */
export function ColumnMapping({ check, mapping, onChange }: { check: ImportCheck; mapping: Record<string, string>; onChange: (column: string, header: string | null) => void }) {
  const options = check.headers.filter((h) => h !== '').map((h) => ({ value: h, label: h }));
  return (
    <Table aria-label="Column mapping" withTableBorder fz="sm" maw={720}>
      <Table.Thead>
        <Table.Tr><Table.Th>Template column</Table.Th><Table.Th>Column in the file</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {importTemplates[check.kind].map((column) => (
          <Table.Tr key={column.name}>
            <Table.Td>
              <Group gap={6}><Text size="sm" ff="monospace">{column.name}</Text>{column.required && <Badge size="xs" variant="light" color="gray">required</Badge>}</Group>
            </Table.Td>
            <Table.Td>
              <Select
                aria-label={`Column for ${column.name}`}
                size="xs"
                data={options}
                value={mapping[column.name] ?? check.mapping[column.name] ?? null}
                onChange={(value) => onChange(column.name, value)}
                placeholder="(not in the file)"
                clearable
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The dry run's outcome: what would be created, every problem, and what to note. */
export function CheckResults({ check }: { check: ImportCheck }) {
  const clean = check.errors.length === 0;
  return (
    <Stack gap="sm">
      <Alert color={clean ? 'teal' : 'red'} variant="light" role="status" data-testid="import-summary">
        {check.rows.toLocaleString('en-US')} row{check.rows === 1 ? '' : 's'} read: {countOf(check.kind, check.items.length)} to create
        {clean ? '. Nothing is written until you confirm.' : `; ${check.errors.length.toLocaleString('en-US')} problem${check.errors.length === 1 ? '' : 's'} to fix first. Nothing was written.`}
      </Alert>
      {!clean && (
        <>
          <Title order={3} size="h5">Problems</Title>
          <IssueTable issues={check.errors} label="Problems in the file" />
        </>
      )}
      {check.warnings.length > 0 && (
        <>
          <Title order={3} size="h5">To note before importing</Title>
          <IssueTable issues={check.warnings} label="Notes on the file" />
        </>
      )}
      {check.items.length > 0 && (
        <>
          <Title order={3} size="h5">Will be created{clean ? '' : ' (rows without problems)'}</Title>
          <ScrollArea.Autosize mah={320} type="auto">
            <Table aria-label="Records to create" striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr><Table.Th w={70}>Row</Table.Th><Table.Th>MRN</Table.Th><Table.Th>Patient</Table.Th><Table.Th>{dateHeading[check.kind]}</Table.Th><Table.Th>Detail</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {check.items.slice(0, SHOWN).map((item) => (
                  <Table.Tr key={item.row}>
                    <Table.Td>{item.row}</Table.Td><Table.Td>{item.mrn}</Table.Td><Table.Td>{item.patientName}</Table.Td><Table.Td>{formatDate(item.date)}</Table.Td>
                    <Table.Td>{itemDetail(check.kind, item)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {check.items.length > SHOWN && <Text size="sm" c="dimmed">The first {SHOWN} of {check.items.length.toLocaleString('en-US')} are listed.</Text>}
          </ScrollArea.Autosize>
        </>
      )}
    </Stack>
  );
}
