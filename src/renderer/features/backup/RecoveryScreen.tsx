import { Alert, Button, Code, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { RecoveryStatus } from '../../../shared/schemas/recovery';
import { AppError, call } from '../../api/client';
import { CenteredCard } from '../../components/CenteredCard';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../format';
import { kindLabels, plural, size, when } from './backupFormat';

type Recovery = Extract<RecoveryStatus, { state: 'recovery' }>;

function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof AppError ? error.fields[field] : undefined;
}

/** Restoring the chosen backup: an administrator of that backup signs in to it and types its name. */
type Restored = ChannelOutput<'recovery:restore'>;

function RestoredNotice({ restored }: { restored: Restored }) {
  return (
    <Alert color="teal" variant="light" role="status" title="Restored">
      <Text size="sm">The clinic now holds the backup {restored.restored}. The file that could not be opened was kept as {restored.keptAs} in the backups folder.</Text>
      {restored.restarting ? (
        <Text size="sm" mt="xs">TMS Course Tracker is restarting on the restored file…</Text>
      ) : (
        <Button mt="sm" onClick={() => window.location.reload()}>Open the clinic</Button>
      )}
    </Alert>
  );
}

function RestoreForm({ status, onRestored }: { status: Recovery; onRestored: (restored: Restored) => void }) {
  const [name, setName] = useState(status.backups[0]?.name ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const restore = useMutation({ mutationFn: () => call('recovery:restore', { name, username, password, confirmName }), onSuccess: onRestored });
  const chosen = status.backups.find((b) => b.name === name);
  return (
    <form
      noValidate
      aria-label="Restore a backup"
      onSubmit={(e) => {
        e.preventDefault();
        restore.mutate();
      }}
    >
      <Stack gap="sm">
        <Radio.Group label="Verified backups in the backups folder, newest first" value={name} onChange={setName}>
          <Stack gap={6} mt={6}>
            {status.backups.map((b) => (
              <Radio
                key={b.name}
                value={b.name}
                label={`${when(b.createdAt)} · ${kindLabels[b.kind]} · ${size(b.bytes)}`}
                description={
                  b.counts
                    ? `${plural(b.counts.patients, 'patient', 'patients')}, ${plural(b.counts.courses, 'course', 'courses')}, ${plural(b.counts.sessions, 'session', 'sessions')}` +
                      (b.counts.newestSessionDate ? `; newest session ${formatDate(b.counts.newestSessionDate)}` : '')
                    : undefined
                }
              />
            ))}
          </Stack>
        </Radio.Group>
        <Text size="sm">
          Sign in as an administrator <em>of this backup</em> (the username and password it holds). Anything entered after it was made is not in it;
          the file that could not be opened is kept in the backups folder, never deleted.
        </Text>
        <TextInput label="Administrator’s username" autoComplete="off" value={username} onChange={(e) => setUsername(e.currentTarget.value)} error={fieldError(restore.error, 'username')} />
        <PasswordInput label="Password" autoComplete="off" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fieldError(restore.error, 'password')} />
        <TextInput
          label="Type the backup’s name to confirm"
          description={chosen ? <Code>{chosen.name}</Code> : undefined}
          inputWrapperOrder={['label', 'description', 'input', 'error']}
          value={confirmName}
          onChange={(e) => setConfirmName(e.currentTarget.value)}
          error={fieldError(restore.error, 'confirmName')}
        />
        {restore.error && !(restore.error instanceof AppError && Object.keys(restore.error.fields).length > 0) && <ErrorNotice error={restore.error} title="Not restored" />}
        <Button type="submit" color="red" loading={restore.isPending} disabled={!chosen || confirmName.trim() !== chosen.name}>
          Restore this backup in place of the file
        </Button>
      </Stack>
    </form>
  );
}

/**
 * Shown instead of the app when the clinic's file cannot be opened: exactly what is wrong, and,
 * when a backup is the way out, the verified backups beside the file to restore.
 */
export function RecoveryScreen({ status }: { status: Recovery }) {
  const [restored, setRestored] = useState<Restored | null>(null);
  if (restored) {
    return (
      <CenteredCard title="The clinic’s file was restored" width={620}>
        <RestoredNotice restored={restored} />
      </CenteredCard>
    );
  }
  return (
    <CenteredCard title="The clinic’s file could not be opened" width={620}>
      <Alert color="red" variant="light" role="alert" title="What is wrong">
        <Text size="sm">{status.problem.message}</Text>
      </Alert>
      <Text size="sm" c="dimmed">File: <Code>{status.file}</Code></Text>
      {!status.restorable && <Text size="sm">Once that is fixed, start TMS Course Tracker again. Restoring a backup is not needed for this.</Text>}
      {status.restorable && status.backups.length === 0 && (
        <Alert color="orange" variant="light" title="No verified backup">
          <Text size="sm">There is no verified backup in {status.backupFolder}. If the clinic keeps copies elsewhere, ask your administrator or IT support.</Text>
        </Alert>
      )}
      {status.restorable && status.backups.length > 0 && <RestoreForm status={status} onRestored={setRestored} />}
    </CenteredCard>
  );
}
