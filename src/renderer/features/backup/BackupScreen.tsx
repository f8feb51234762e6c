import { Alert, Badge, Button, Code, Group, Modal, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { useState } from 'react';
import type { BackupInfo, BackupPreview, RetentionRuleInput } from '../../../shared/schemas/backup';
import { AppError } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';
import { dayOrNone, kindLabels, plural, size, verificationLabels, when } from './backupFormat';
import { useBackupList, useBackupPreview, useCreateBackup, useRestoreBackup, useSetBackupPassphrase, useSetRetention } from './queries';
import { toNumber } from '../../forms/numberInput';
import { HiddenHeader } from '../../components/HiddenHeader';

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof AppError ? error.fields?.[field] : undefined;
}

function RetentionForm({ retention }: { retention: RetentionRuleInput }) {
  const save = useSetRetention();
  const [values, setValues] = useState({ daily: String(retention.daily), weekly: String(retention.weekly), monthly: String(retention.monthly) });
  const [done, setDone] = useState(false);
  const field = (key: keyof RetentionRuleInput, label: string) => (
    <TextInput
      label={label}
      type="number"
      w={150}
      value={values[key]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setDone(false);
        setValues((v) => ({ ...v, [key]: value }));
      }}
      error={fieldError(save.error, key)}
    />
  );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    save
      .mutateAsync({ daily: toNumber(values.daily) ?? Number.NaN, weekly: toNumber(values.weekly) ?? Number.NaN, monthly: toNumber(values.monthly) ?? Number.NaN })
      .then(() => setDone(true))
      .catch(() => undefined);
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Backups to keep">
        <Title order={2} size="h4" mb={4}>Backups to keep</Title>
        <Text size="sm" c="dimmed" mb="sm">
          The newest backup of each of the last so many days, weeks and months is kept; older ones are removed when the next backup is made.
          The newest manual, pre-update and pre-restore backups are always kept.
        </Text>
        <Group align="flex-start">
          {field('daily', 'Days')}
          {field('weekly', 'Weeks')}
          {field('monthly', 'Months')}
          <Button type="submit" mt={25} loading={save.isPending}>Save</Button>
        </Group>
        {done && <Text size="sm" c="teal" mt="xs" role="status">Saved: the next backup keeps {values.daily} days, {values.weekly} weeks and {values.monthly} months.</Text>}
        {save.error && !(save.error instanceof AppError && Object.keys(save.error.fields).length > 0) && <ErrorNotice error={save.error} title="Not saved" />}
      </form>
    </Paper>
  );
}

function PassphraseForm({ passphraseSet, secondFolder }: { passphraseSet: boolean; secondFolder: string | null }) {
  const save = useSetBackupPassphrase();
  const [passphrase, setPassphrase] = useState('');
  const [current, setCurrent] = useState('');
  const [folder, setFolder] = useState(secondFolder ?? '');
  const [done, setDone] = useState(false);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setDone(false);
    save
      .mutateAsync({ passphrase, ...(passphraseSet ? { currentPassphrase: current } : {}), secondFolder: folder.trim() || null })
      .then(() => {
        setPassphrase('');
        setCurrent('');
        setDone(true);
      })
      .catch(() => undefined);
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Backup passphrase and second folder">
        <Title order={2} size="h4" mb={4}>Copies outside this computer</Title>
        <Text size="sm" c="dimmed" mb="sm">
          Copies in a second folder (a network share or USB drive) are encrypted with the clinic’s backup passphrase.
          Keep it somewhere safe: without it those copies cannot be restored. The app does not store it.
        </Text>
        <Group align="flex-start">
          <TextInput label="Second folder" placeholder="e.g. /Volumes/Backup or \\server\share" value={folder} onChange={(e) => setFolder(e.currentTarget.value)} error={fieldError(save.error, 'secondFolder')} w={320} />
          {passphraseSet && (
            <PasswordInput label="Current passphrase" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={fieldError(save.error, 'currentPassphrase')} w={220} />
          )}
          <PasswordInput label={passphraseSet ? 'New passphrase' : 'Backup passphrase'} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={fieldError(save.error, 'passphrase')} w={220} />
          <Button type="submit" mt={25} loading={save.isPending}>Save</Button>
        </Group>
        {done && <Text size="sm" c="teal.9" mt="xs" role="status">Saved.</Text>}
        {save.error && !fieldError(save.error, 'passphrase') && !fieldError(save.error, 'currentPassphrase') && !fieldError(save.error, 'secondFolder') && (
          <ErrorNotice error={save.error} title="Not saved" />
        )}
      </form>
    </Paper>
  );
}

function CountsTable({ preview }: { preview: BackupPreview }) {
  const backup = preview.backup.counts;
  const rows: Array<[string, string, string]> = [
    ['Patients', preview.current.patients.toLocaleString(), backup?.patients.toLocaleString() ?? '–'],
    ['Courses', preview.current.courses.toLocaleString(), backup?.courses.toLocaleString() ?? '–'],
    ['Sessions', preview.current.sessions.toLocaleString(), backup?.sessions.toLocaleString() ?? '–'],
    ['Newest session', dayOrNone(preview.current.newestSessionDate), dayOrNone(backup?.newestSessionDate)],
  ];
  return (
    <Table withTableBorder aria-label="Current file and backup compared">
      <Table.Thead>
        <Table.Tr><HiddenHeader label="What" /><Table.Th>Current file</Table.Th><Table.Th>Backup of {when(preview.backup.createdAt)}</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(([label, now, then]) => (
          <Table.Tr key={label}><Table.Td fw={600}>{label}</Table.Td><Table.Td>{now}</Table.Td><Table.Td>{then}</Table.Td></Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RestoreDialog({ backup, onClose }: { backup: BackupInfo; onClose: () => void }) {
  const restore = useRestoreBackup();
  const [passphrase, setPassphrase] = useState('');
  // An encrypted copy is opened when the passphrase is submitted; a plain one at once.
  const [submitted, setSubmitted] = useState<string | null>(backup.encrypted ? null : '');
  const [confirmName, setConfirmName] = useState('');
  const ref = submitted === null ? null : { name: backup.name, location: backup.location, ...(backup.encrypted ? { passphrase: submitted } : {}) };
  const [attempt, setAttempt] = useState(0);
  const preview = useBackupPreview(ref, attempt);
  const needsPassphrase = backup.encrypted && !preview.data;
  const loadPreview = () => {
    setSubmitted(passphrase);
    setAttempt((n) => n + 1);
  };
  const lost = preview.data?.lost;
  const loses = lost && (lost.patients > 0 || lost.courses > 0 || lost.sessions > 0);
  return (
    <Modal opened onClose={onClose} title={<Text fw={700}>Restore the backup of {when(backup.createdAt)}</Text>} size="lg">
      <Stack gap="sm">
        {restore.data ? (
          <Alert color="teal" title="Restored" role="status">
            The clinic’s file was replaced by the backup of {when(backup.createdAt)}. The file it replaced was kept as the backup {restore.data.keptAs}.
            {restore.data.restarting ? ' The app is restarting on the restored file.' : ' The screens now show the restored file.'}
          </Alert>
        ) : (
          <>
            {needsPassphrase && (
              <Group align="flex-end">
                <PasswordInput label="Backup passphrase" description="This copy is encrypted." value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={fieldError(preview.error, 'passphrase')} w={280} />
                <Button onClick={loadPreview} loading={preview.isFetching}>Open</Button>
              </Group>
            )}
            {preview.isFetching && !needsPassphrase && <Loading />}
            {preview.error && !fieldError(preview.error, 'passphrase') && <ErrorNotice error={preview.error} title="This backup cannot be opened" />}
            {preview.data && (
              <>
                <CountsTable preview={preview.data} />
                <Alert color={loses ? 'red' : 'gray'} variant="light" title={loses ? 'What will be lost' : 'Nothing recorded will be lost by count'}>
                  {loses && lost
                    ? `Everything recorded after ${when(backup.createdAt)} will be gone from the clinic’s file: ${plural(lost.patients, 'patient', 'patients')}, ${plural(lost.courses, 'course', 'courses')} and ${plural(lost.sessions, 'session', 'sessions')} more than the backup holds, and every other change made since. `
                    : `Changes made after ${when(backup.createdAt)} will be gone from the clinic’s file. `}
                  The current file is kept as a backup first, so this can be undone.
                </Alert>
                <TextInput
                  label="Type the backup’s name to confirm"
                  description={backup.name}
                  value={confirmName}
                  onChange={(e) => setConfirmName(e.currentTarget.value)}
                  error={fieldError(restore.error, 'confirmName')}
                />
                {restore.error && !fieldError(restore.error, 'confirmName') && <ErrorNotice error={restore.error} title="Not restored" />}
                <Group justify="flex-end">
                  <Button variant="default" onClick={onClose}>Cancel</Button>
                  <Button color="red" disabled={confirmName.trim() !== backup.name} loading={restore.isPending} onClick={() => ref && restore.mutate({ ...ref, confirmName })}>
                    Replace the clinic’s file with this backup
                  </Button>
                </Group>
              </>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}

/** On a clinic server the backups are the server's: this says so instead of offering file backups. */
function ServerBackups({ location }: { location: string }) {
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">Backups</Title>
      <Paper withBorder p="md">
        <Text size="sm">
          This workstation keeps the clinic on the clinic server <Code>{location}</Code>. Its backups are made on the server, by whoever runs it
          (the clinic’s IT or its hosting provider): ask them how often it is backed up, where the copies are kept, and when a restore was last tested.
        </Text>
        <Text size="sm" mt="xs" c="dimmed">
          The file backups this screen makes, and their restore, apply to a clinic kept on this computer only. Nothing on this workstation needs backing up
          while it uses the server.
        </Text>
      </Paper>
    </Stack>
  );
}

export function BackupScreen() {
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app:info', {}) });
  if (info.isPending) return <Loading />;
  if (info.data?.engine === 'postgres') return <ServerBackups location={info.data.databasePath} />;
  return <FileBackupScreen />;
}

function FileBackupScreen() {
  const list = useBackupList();
  const create = useCreateBackup();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);
  return (
    <Stack gap="md" maw={1180}>
      <Group justify="space-between">
        <Title order={1} size="h2">Backups</Title>
        <Button onClick={() => create.mutate()} loading={create.isPending}>Back up now</Button>
      </Group>
      <Text size="sm" c="dimmed">
        The app backs the clinic’s file up when it starts, every day while it runs and before every update, and checks each
        copy before keeping it. It keeps the newest backup of each of the last {list.data?.retention.daily ?? 14} days,
        {' '}{list.data?.retention.weekly ?? 8} weeks and {list.data?.retention.monthly ?? 12} months
        {list.data ? ` in ${list.data.folder}` : ''}.
      </Text>
      <ErrorNotice error={create.error} title="No backup was made" />
      {list.data?.secondFolderProblem && <Alert color="orange" variant="light" title="Second folder">{list.data.secondFolderProblem}</Alert>}
      {list.isPending && <Loading />}
      <ErrorNotice error={list.error} title="Could not list backups" />
      {list.data && list.data.backups.length === 0 && <Text>No backups yet. Press “Back up now” to make the first one.</Text>}
      {list.data && list.data.backups.length > 0 && (
        <Table withTableBorder striped verticalSpacing={6} aria-label="Backups">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Made</Table.Th><Table.Th>Why</Table.Th><Table.Th>Where</Table.Th><Table.Th>Size</Table.Th>
              <Table.Th>Patients</Table.Th><Table.Th>Courses</Table.Th><Table.Th>Sessions</Table.Th><Table.Th>Newest session</Table.Th>
              <Table.Th>Check</Table.Th><HiddenHeader label="Result" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.backups.map((b) => (
              <Table.Tr key={`${b.location}/${b.name}`}>
                <Table.Td>{when(b.createdAt)}</Table.Td>
                <Table.Td>{kindLabels[b.kind]}</Table.Td>
                <Table.Td>{b.location === 'primary' ? 'This computer' : 'Second folder'}{b.encrypted && <Badge ml={6} variant="light" color="gray">Encrypted</Badge>}</Table.Td>
                <Table.Td>{size(b.bytes)}</Table.Td>
                <Table.Td>{b.counts?.patients.toLocaleString() ?? '–'}</Table.Td>
                <Table.Td>{b.counts?.courses.toLocaleString() ?? '–'}</Table.Td>
                <Table.Td>{b.counts?.sessions.toLocaleString() ?? '–'}</Table.Td>
                <Table.Td>{b.counts?.newestSessionDate ? formatDate(b.counts.newestSessionDate) : '–'}</Table.Td>
                <Table.Td><Badge variant="light" color={verificationLabels[b.verification].color}>{verificationLabels[b.verification].label}</Badge></Table.Td>
                <Table.Td><Button size="xs" variant="light" onClick={() => setRestoring(b)} aria-label={`Restore the backup of ${when(b.createdAt)}`}>Restore…</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {list.data && <RetentionForm retention={list.data.retention} />}
      {list.data && <PassphraseForm key={String(list.data.passphraseSet)} passphraseSet={list.data.passphraseSet} secondFolder={list.data.secondFolder} />}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </Stack>
  );
}

