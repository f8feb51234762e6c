import { Alert, Button, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type PacketKind, packetTitles } from '../../../shared/schemas/packet';
import { call, errorMessage } from '../../api/client';

/** The payer documents of a course as PDF: the authorization packet and the extension request (saved and audited like the report). */
export function PacketExportButton({ courseId }: { courseId: number }) {
  const client = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const exporter = useMutation({
    mutationFn: (kind: PacketKind) => call('reports:exportPacket', { courseId, kind }),
    onSuccess: (result) => {
      if (result.path) setMessage({ ok: true, text: `Saved ${result.path}${result.pages ? ` (${result.pages} page${result.pages === 1 ? '' : 's'})` : ''}` });
      return client.invalidateQueries({ queryKey: ['audit'] });
    },
    onError: (error) => setMessage({ ok: false, text: `Not exported: ${errorMessage(error)}` }),
  });
  return (
    <>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="default" loading={exporter.isPending}>Payer PDFs ▾</Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => exporter.mutate('authorization')}>{packetTitles.authorization}</Menu.Item>
          <Menu.Item onClick={() => exporter.mutate('extension')}>{packetTitles.extension}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {message && (
        <Alert color={message.ok ? 'teal' : 'red'} variant="light" withCloseButton onClose={() => setMessage(null)} data-testid="packet-export-result" py={6}>
          <Text size="sm">{message.text}</Text>
        </Alert>
      )}
    </>
  );
}
