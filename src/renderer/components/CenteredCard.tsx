import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the start screens: app name, a title and one card of content. */
export function CenteredCard({ title, subtitle, width = 480, children }: { title: string; subtitle?: ReactNode; width?: number; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={width} maw="100%" radius="md">
        <Stack gap="md">
          <div>
            <Text size="sm" c="teal.9" fw={700} tt="uppercase">TMS Course Tracker</Text>
            <Title order={1} size="h2">{title}</Title>
            {subtitle && <Text c="dimmed" size="sm" mt={4}>{subtitle}</Text>}
          </div>
          {children}
        </Stack>
      </Paper>
    </Center>
  );
}
