import { Stack, Text, Title } from '@mantine/core';
import { AuditChainPanel } from './AuditChainPanel';

/** Administrators' view of the record's integrity; who looked at a patient is on the patient's page. */
export function AuditScreen() {
  return (
    <Stack gap="md" maw={980}>
      <Title order={1} size="h2">Audit</Title>
      <Text size="sm" c="dimmed">
        Every change, sign-in, lock-out, password reset, co-signature and opening of a patient&apos;s record is in the audit log, with who and when.
        Who opened a patient&apos;s record is listed on that patient&apos;s page.
      </Text>
      <AuditChainPanel />
    </Stack>
  );
}
