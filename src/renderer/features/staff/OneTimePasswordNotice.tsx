import { Alert, Code, Text } from '@mantine/core';

/** A one-time password, shown once to the staff manager who issued it; it is not stored readable anywhere. */
export function OneTimePasswordNotice({ name, username, password, onClose }: { name: string; username: string | null; password: string; onClose(): void }) {
  return (
    <Alert color="teal" variant="light" title={`One-time password for ${name}`} withCloseButton closeButtonLabel="Dismiss" onClose={onClose} data-testid="one-time-password">
      <Text size="sm">
        Username <Code>{username}</Code> · password <Code data-testid="one-time-password-value">{password}</Code>
      </Text>
      <Text size="sm" mt={4}>Give it to {name} in person. It works once: they choose their own password when they sign in. It is not shown again.</Text>
    </Alert>
  );
}
