import { Center, Loader } from '@mantine/core';

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <Center p="xl" aria-busy="true" aria-label={label}>
      <Loader size="sm" />
    </Center>
  );
}
