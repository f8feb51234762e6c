import { Button, Divider, Stack, Text } from '@mantine/core';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DEMO_CLINIC_PATIENTS } from '../../../shared/schemas/appInfo';
import { useClinicSwitch } from './useClinicSwitch';

/** On the first-run screen: look around a generated clinic before setting up the real one. */
export function DemoClinicOffer() {
  const open = useClinicSwitch('demo');
  return (
    <Stack gap="xs">
      <Divider label="or" labelPosition="center" />
      <Text size="sm">
        Just looking? Open a demo clinic with {DEMO_CLINIC_PATIENTS.toLocaleString('en-US')} generated patients, ten years of courses, sessions and
        PHQ-9s. It is a separate file: nothing you do there touches your clinic&apos;s records, and you can come back here at any time.
      </Text>
      <Button variant="light" onClick={() => open.mutate()} loading={open.isPending}>Open the demo clinic</Button>
      {open.data?.relaunching && <Text size="sm" c="dimmed">Restarting on the demo clinic…</Text>}
      <ErrorNotice error={open.error} title="The demo clinic could not be opened" />
    </Stack>
  );
}
