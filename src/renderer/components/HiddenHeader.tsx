import { Table, VisuallyHidden } from '@mantine/core';

/** A table column's header that shows nothing (a column of buttons, say) but names the column to a screen reader. */
export function HiddenHeader({ label = 'Actions', w }: { label?: string; w?: number }) {
  return <Table.Th w={w}><VisuallyHidden>{label}</VisuallyHidden></Table.Th>;
}
