import { Alert, Button, FileInput, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DATE_FORMATS, type DateFormat, dateFormatPattern } from '../../../shared/dateFormat';
import { type ImportBatch, type ImportCheck, type ImportInput, type ImportKind, importKindLabels, importKinds, importTemplates } from '../../../shared/schemas/import';
import { currentDateFormat } from '../../format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { CheckResults, ColumnMapping } from './CheckResults';
import { countOf } from './importFormat';
import { useImportCheck, useImportCommit } from './queries';
import { RecentImports } from './RecentImports';

function TemplateColumns({ kind }: { kind: ImportKind }) {
  return (
    <Table aria-label="Template columns" fz="xs" withTableBorder maw={860}>
      <Table.Tbody>
        {importTemplates[kind].map((c) => (
          <Table.Tr key={c.name}>
            <Table.Td w={190} ff="monospace">{c.name}{c.required ? '' : ' (optional)'}</Table.Td>
            <Table.Td>{c.description}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Import patients, PHQ-9 history or past courses from a CSV file: check it (a dry run that lists
 * what would be created and every row's problems), map columns of other layouts, then confirm.
 */
export function ImportScreen() {
  const [kind, setKind] = useState<ImportKind>('patients');
  const [dateFormat, setDateFormat] = useState<DateFormat>(currentDateFormat);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [checked, setChecked] = useState<{ input: ImportInput; result: ImportCheck } | null>(null);
  const [imported, setImported] = useState<ImportBatch | null>(null);
  const check = useImportCheck();
  const commit = useImportCommit();

  const input: ImportInput | null = file ? { kind, fileName: file.name, csv: file.text, mapping, dateFormat } : null;
  const stale = !checked || JSON.stringify(checked.input) !== JSON.stringify(input);
  const reset = () => {
    setChecked(null);
    setImported(null);
    commit.reset();
  };
  const runCheck = () => {
    if (!input) return;
    setImported(null);
    check.mutateAsync(input).then((result) => setChecked({ input, result })).catch(() => undefined);
  };
  const confirm = () => {
    if (!checked) return;
    commit.mutateAsync(checked.input).then((batch) => { setImported(batch); setChecked(null); }).catch(() => undefined);
  };
  const readyToImport = checked && !stale && checked.result.errors.length === 0 && checked.result.items.length > 0;

  return (
    <Stack gap="md">
      <Title order={1} size="h2">Import from CSV</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="What the file holds"
            value={kind}
            onChange={(v) => { setKind(v as ImportKind); setMapping({}); reset(); }}
            data={importKinds.map((k) => ({ value: k, label: importKindLabels[k] }))}
            w="fit-content"
          />
          <Text size="sm" c="dimmed">
            One record per row, with a header row naming the columns below (docs/import.md). Files laid out differently can be mapped after the first check.
          </Text>
          <TemplateColumns kind={kind} />
          <Group align="flex-end">
            <FileInput
              label="CSV file"
              placeholder="Choose a .csv file"
              accept=".csv,text/csv"
              w={320}
              onChange={(chosen) => {
                reset();
                setMapping({});
                if (!chosen) return setFile(null);
                void chosen.text().then((text) => setFile({ name: chosen.name, text }));
              }}
            />
            <Select
              label="Dates in the file"
              w={180}
              value={dateFormat}
              allowDeselect={false}
              onChange={(v) => v && setDateFormat(v as DateFormat)}
              data={DATE_FORMATS.map((f) => ({ value: f, label: dateFormatPattern(f) }))}
            />
            <Button onClick={runCheck} disabled={!file} loading={check.isPending}>{checked ? 'Check again' : 'Check file'}</Button>
          </Group>
          {check.error && <ErrorNotice error={check.error} title="Not checked" />}
        </Stack>
      </Paper>

      {checked && (
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">Check of {checked.input.fileName}</Title>
            <ColumnMapping check={checked.result} mapping={mapping} onChange={(column, header) => setMapping((m) => {
              const next = { ...m };
              if (header) next[column] = header;
              else delete next[column];
              return next;
            })} />
            {stale && <Alert color="yellow" variant="light">The file, its columns or its date format changed: check it again before importing.</Alert>}
            <CheckResults check={checked.result} />
            <Group>
              <Button onClick={confirm} disabled={!readyToImport} loading={commit.isPending}>
                Import {countOf(checked.result.kind, checked.result.items.length)}
              </Button>
              {!readyToImport && !stale && <Text size="sm" c="dimmed">Fix the problems in the file, choose it again and check it.</Text>}
            </Group>
            {commit.error && <ErrorNotice error={commit.error} title="Nothing was imported" />}
          </Stack>
        </Paper>
      )}

      {imported && (
        <Alert color="teal" variant="light" role="status" data-testid="import-done" title={`Import ${imported.id} done`}>
          {countOf(imported.kind, imported.created)} created from {imported.fileName}. It can be undone as a whole today, under Recent imports.
        </Alert>
      )}

      <RecentImports />
    </Stack>
  );
}
