import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundScreen() {
  return (
    <Stack maw={560}>
      <Title order={1} size="h2">Page not found</Title>
      <Text>This address does not lead to a screen of the app.</Text>
      <Anchor component={Link} to="/patients">Go to the patient list</Anchor>
    </Stack>
  );
}
