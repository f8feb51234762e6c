import { Table } from '@mantine/core';

/**
 * Mantine's own class for a table cell, for the rows of long virtualized tables: a plain <td> with
 * it looks as Table.Td does (the table sets the spacing), without a component per cell, which a
 * screen of such rows draws hundreds of at once.
 */
export const TABLE_CELL_CLASS = Table.classes?.td ?? '';
