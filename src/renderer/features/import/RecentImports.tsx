import { Badge, Button, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { type ImportBatch, importKindLabels } from '../../../shared/schemas/import';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DialogActions } from '../../components/DialogActions';
import { Loading } from '../../components/Loading';
import { useActor } from '../../session/auth';
import { formatDate } from '../../format';
import { countOf } from './importFormat';
import { useImportList, useImportUndo } from './queries';
import { HiddenHeader } from '../../components/HiddenHeader';

function UndoDialog({ batch, onClose }: { batch: ImportBatch; onClose: () => void }) {
  const actor = useActor();
  const undo = useImportUndo();
  return (
    <Modal opened onClose={onClose} title={`Undo import ${batch.id}`}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          undo.mutateAsync(batch.id).then(onClose).catch(() => undefined);
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            This removes the {countOf(batch.kind, batch.created)} created from {batch.fileName}. Each removal is recorded in the audit log as done by <b>{actor.name}</b>.
            It is refused if anything was added to those records since.
          </Text>
          {undo.error && <ErrorNotice error={undo.error} title="Not undone" />}
        </Stack>
        <DialogActions onClose={onClose} label={`Undo import ${batch.id}`} loading={undo.isPending} color="red" />
      </form>
    </Modal>
  );
}

/** The latest imports; today's can be undone as a whole. */
export function RecentImports() {
  const list = useImportList();
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  if (list.isPending) return <Loading />;
  if (list.error) return <ErrorNotice error={list.error} title="Imports could not be read" />;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">Recent imports</Title>
      {list.data.length === 0 ? (
        <Text size="sm" c="dimmed">No imports yet. Choose a file above, check it, then confirm.</Text>
      ) : (
        <Table aria-label="Recent imports" withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr><Table.Th>Import</Table.Th><Table.Th>File</Table.Th><Table.Th>Created</Table.Th><Table.Th>By</Table.Th><Table.Th>On</Table.Th><Table.Th>State</Table.Th><HiddenHeader /></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td>{b.id} · {importKindLabels[b.kind]}</Table.Td>
                <Table.Td>{b.fileName}</Table.Td>
                <Table.Td>{countOf(b.kind, b.created)}</Table.Td>
                <Table.Td>{b.importedByName}</Table.Td>
                <Table.Td>{formatDate(b.importedOn)}</Table.Td>
                <Table.Td>{b.undoneAt ? <Badge color="gray" variant="light">Undone by {b.undoneByName}</Badge> : <Badge color="teal" variant="light">Imported</Badge>}</Table.Td>
                <Table.Td>{b.canUndo && <Button size="compact-sm" variant="default" onClick={() => setUndoing(b)}>Undo…</Button>}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {undoing && <UndoDialog batch={undoing} onClose={() => setUndoing(null)} />}
    </Stack>
  );
}
