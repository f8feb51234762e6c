import { Button, Group } from '@mantine/core';

/** Cancel and the dialog's submit button, right-aligned at the bottom of a dialog form. */
export function DialogActions({ onClose, label, loading, color }: { onClose(): void; label: string; loading: boolean; color?: string }) {
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onClose}>Cancel</Button>
      <Button type="submit" loading={loading} color={color}>{label}</Button>
    </Group>
  );
}
