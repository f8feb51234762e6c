import { Alert, Button, Group, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { EXPORT_REPORT_EVENT } from '../../app/useAppCommands';
import { call, errorMessage } from '../../api/client';
import type { CsvKind } from '../../../shared/schemas/report';

type Kind = 'pdf' | CsvKind | 'fhir';

/** Export the course as a PDF report, CSV or a FHIR R4 Bundle (JSON); the file is chosen in a save dialog and the export is audited. */
export function ExportButtons({ courseId }: { courseId: number }) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const exporter = useMutation({
    mutationFn: (kind: Kind) =>
      kind === 'pdf'
        ? call('reports:exportPdf', { courseId })
        : kind === 'fhir'
          ? call('fhir:exportCourse', { courseId })
          : call('reports:exportCsv', { courseId, kind }),
    onSuccess: (result) => {
      if (result.path) {
        setMessage({ ok: true, text: `Saved ${result.path}${result.pages ? ` (${result.pages} page${result.pages === 1 ? '' : 's'})` : ''}` });
      }
      return client.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => setMessage({ ok: false, text: `Not exported: ${errorMessage(error)}` }),
  });
  const { mutate } = exporter;
  // File → Export Course Report as PDF… in the application menu.
  useEffect(() => {
    const onCommand = (event: Event) => {
      event.preventDefault();
      mutate('pdf');
    };
    window.addEventListener(EXPORT_REPORT_EVENT, onCommand);
    return () => window.removeEventListener(EXPORT_REPORT_EVENT, onCommand);
  }, [mutate]);
  return (
    <>
      <Group gap={0}>
        <Button variant="default" loading={exporter.isPending} onClick={() => exporter.mutate('pdf')}>Export PDF</Button>
        <Menu position="bottom-end">
          <Menu.Target>
            <Button variant="default" px={8} aria-label="More export formats">CSV ▾</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => exporter.mutate('sessions')}>Sessions as CSV</Menu.Item>
            <Menu.Item onClick={() => exporter.mutate('phq9')}>PHQ-9 as CSV</Menu.Item>
            <Menu.Item onClick={() => exporter.mutate('assessments')}>Every rating scale as CSV</Menu.Item>
          </Menu.Dropdown>
        </Menu>
        <Button variant="default" ml="xs" loading={exporter.isPending && exporter.variables === 'fhir'} onClick={() => exporter.mutate('fhir')}>Export FHIR</Button>
      </Group>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} variant="light" withCloseButton onClose={() => setMessage(null)} data-testid="export-result" py={6}>
          <Text size="sm">{message.text}</Text>
        </Alert>
      )}
    </>
  );
}
