import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, FileButton, Group, PasswordInput, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, type Resolver, useForm, useWatch } from 'react-hook-form';
import type { ClinicDatabaseStatus, ClinicServerInput, ConnectionTestResult, TlsMode } from '../../../shared/schemas/clinicDatabase';
import { clinicServerInput } from '../../../shared/schemas/clinicDatabase';
import { call } from '../../api/client';
import { applyServerError } from '../../api/formErrors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { failureWords, type ServerField, successWords } from './connectionWords';
import { MoveOffer } from './MoveOffer';

export interface DatabaseFormValues {
  kind: 'local' | 'server';
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  tls: TlsMode;
  caCertificate: string;
}

const FIELDS: ServerField[] = ['host', 'port', 'database', 'user', 'password', 'tls', 'caCertificate'];

const checkServer = zodResolver(clinicServerInput) as unknown as Resolver<DatabaseFormValues>;
/** "This computer" needs no entries; a server's entries are checked with the contract's schema. */
const resolver: Resolver<DatabaseFormValues> = (values, context, options) =>
  values.kind === 'local' ? { values, errors: {} } : checkServer(values, context, options);

function defaultsOf(status: ClinicDatabaseStatus): DatabaseFormValues {
  const s = status.setting;
  if (s.kind === 'server') return { kind: 'server', host: s.host, port: s.port, database: s.database, user: s.user, password: '', tls: s.tls, caCertificate: s.caCertificate };
  return { kind: 'local', host: '', port: 5432, database: 'tms', user: '', password: '', tls: 'required', caCertificate: '' };
}

function serverPart(values: DatabaseFormValues): ClinicServerInput {
  const { kind: _kind, ...server } = values;
  return server;
}

type Outcome = { kind: 'tested'; result: ConnectionTestResult; values: ClinicServerInput } | { kind: 'saved'; restarting: boolean } | null;

/** Where this workstation keeps its clinic: this computer, or a clinic server tested before it is saved. */
export function ServerForm({ status }: { status: ClinicDatabaseStatus }) {
  const form = useForm<DatabaseFormValues>({ resolver, defaultValues: defaultsOf(status) });
  const { errors, isSubmitting } = form.formState;
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  const kind = useWatch({ control: form.control, name: 'kind' });
  const tls = useWatch({ control: form.control, name: 'tls' });
  const hasSavedPassword = status.setting.kind === 'server' && status.setting.hasPassword;

  /** A failed test, said next to the entry it concerns; what was typed stays. */
  const showFailure = (result: Extract<ConnectionTestResult, { ok: false }>, values: ClinicServerInput) => {
    const words = failureWords(result.reason, values);
    if (words.field) form.setError(words.field, { type: 'server', message: words.message });
    else setFormError(words.message);
    setDetail(result.detail || null);
  };
  const reset = () => {
    setFormError(null);
    setDetail(null);
    setOutcome(null);
  };

  const test = form.handleSubmit(async (values) => {
    reset();
    try {
      const server = serverPart(values);
      const result = await call('clinicDatabase:test', server);
      setOutcome({ kind: 'tested', result, values: server });
      if (!result.ok) showFailure(result, server);
    } catch (error) {
      setFormError(applyServerError(error, form.setError, FIELDS));
    }
  });

  const save = form.handleSubmit(async (values) => {
    reset();
    try {
      const result = await call('clinicDatabase:save', values.kind === 'local' ? { kind: 'local' } : { kind: 'server', ...serverPart(values) });
      if (!result.saved) {
        setOutcome({ kind: 'tested', result: result.test, values: serverPart(values) });
        if (!result.test.ok) showFailure(result.test, serverPart(values));
        return;
      }
      setOutcome({ kind: 'saved', restarting: result.restarting });
      if (!result.restarting) window.location.reload();
    } catch (error) {
      setFormError(applyServerError(error, form.setError, FIELDS));
    }
  });

  const tested = outcome?.kind === 'tested' ? outcome : null;
  return (
    <form noValidate aria-label="Clinic database" onSubmit={(e) => void save(e)}>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Radio.Group label="Keep this workstation's clinic" value={field.value} onChange={(v) => { reset(); field.onChange(v); }}>
              <Group mt={6}>
                <Radio value="local" label="On this computer" />
                <Radio value="server" label="On the clinic server (PostgreSQL)" />
              </Group>
            </Radio.Group>
          )}
        />
        {kind === 'server' && (
          <>
            <Group align="flex-start">
              <TextInput label="Host" placeholder="db.clinic.example" w={300} {...form.register('host')} error={errors.host?.message} />
              <TextInput label="Port" w={110} inputMode="numeric" {...form.register('port', { valueAsNumber: true })} error={errors.port?.message} />
              <TextInput label="Database" w={200} {...form.register('database')} error={errors.database?.message} />
            </Group>
            <Group align="flex-start">
              <TextInput label="User" w={250} autoComplete="off" {...form.register('user')} error={errors.user?.message} />
              <PasswordInput
                label="Password"
                w={300}
                autoComplete="new-password"
                placeholder={hasSavedPassword ? 'Saved (leave empty to keep it)' : undefined}
                {...form.register('password')}
                error={errors.password?.message ?? status.passwordStorageProblem ?? undefined}
              />
            </Group>
            <Controller
              control={form.control}
              name="tls"
              render={({ field }) => (
                <Radio.Group label="Encryption" value={field.value} onChange={field.onChange} error={errors.tls?.message}>
                  <Stack gap={6} mt={6}>
                    <Radio value="required" label="TLS, the server checked against the clinic's CA certificate" />
                    <Radio value="none" label="No TLS (only for a server on this computer)" />
                  </Stack>
                </Radio.Group>
              )}
            />
            {tls === 'required' && (
              <Stack gap={4}>
                <Textarea
                  label="Clinic CA certificate (PEM)"
                  description="Paste it, or choose the file IT gave you (…crt or …pem)."
                  autosize
                  minRows={3}
                  maxRows={8}
                  styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
                  {...form.register('caCertificate')}
                  error={errors.caCertificate?.message}
                />
                <FileButton accept=".pem,.crt,.cer,text/plain" onChange={(file) => void file?.text().then((text) => form.setValue('caCertificate', text, { shouldDirty: true, shouldValidate: true }))}>
                  {(props) => <Button variant="default" size="xs" w="fit-content" {...props}>Choose certificate file…</Button>}
                </FileButton>
              </Stack>
            )}
          </>
        )}
        {tested?.result.ok && (
          <Alert color="teal" variant="light" role="status" title="Connection works">
            {successWords(tested.result)}
          </Alert>
        )}
        <ErrorNotice error={formError} title="The server cannot be used" />
        {detail && <Text size="xs" c="dimmed" data-testid="connection-detail">Detail for IT: {detail}</Text>}
        {outcome?.kind === 'saved' && <Text size="sm" role="status">Saved. TMS Course Tracker is restarting on it…</Text>}
        <Group>
          {kind === 'server' && <Button variant="default" loading={isSubmitting} onClick={() => void test()}>Test connection</Button>}
          <Button type="submit" loading={isSubmitting}>Save and restart</Button>
        </Group>
        {tested?.result.ok && tested.result.clinic.state === 'empty' && status.running.engine === 'sqlite' && (status.localClinic?.patients ?? 0) > 0 && (
          <MoveOffer server={tested.values} patients={status.localClinic?.patients ?? 0} />
        )}
      </Stack>
    </form>
  );
}
