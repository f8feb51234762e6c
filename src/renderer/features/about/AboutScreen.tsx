import type { ReactNode } from 'react';
import { Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { queryKeys } from '../../app/queryKeys';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';

/** What is running and where its files are: for the clinic's IT, and for reporting a problem. */
export function AboutScreen() {
  const info = useQuery({ queryKey: queryKeys.appInfo, queryFn: () => call('app:info', {}) });
  if (info.isPending) return <Loading />;
  if (!info.data) return <ErrorNotice error={info.error} />;
  const rows: Array<[string, ReactNode]> = [
    ['Version', info.data.version],
    ['Database schema', String(info.data.schemaVersion)],
    ['Clinic database', <Code key="db">{info.data.databasePath}</Code>],
    ['Application log', info.data.logPath ? <Code key="log">{info.data.logPath}</Code> : 'Not kept by this host'],
    ['Records', info.data.demo ? 'The generated demo clinic, not real patients' : "The clinic's own records"],
  ];
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">About TMS Course Tracker</Title>
      <Paper withBorder p="md">
        <Table aria-label="About this installation" verticalSpacing={6}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}><Table.Th w={200}>{label}</Table.Th><Table.Td>{value}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="sm" c="dimmed">
        The log holds errors with the screen action and a technical trace, never patient details; send it with a problem report.{' '}
        {info.data.engine === 'postgres'
          ? 'The clinic is kept on the clinic server: its backups are made on the server by whoever runs it (IT), not by this workstation.'
          : 'Backups are listed under Backups (administrators).'}
      </Text>
    </Stack>
  );
}
