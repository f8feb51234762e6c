import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import type { TodayItem } from '../../../shared/schemas/session';
import { type TodayFilter, type TodayFlag, todayFlagLabels, todayFlags } from '../../../shared/todayList';

/** Search, protocol, technician and flags over the day's list; the choices come from the day's courses. */
export function TodayFilters({ items, filter, onChange }: { items: readonly TodayItem[]; filter: TodayFilter; onChange: (filter: TodayFilter) => void }) {
  const protocols = [...new Set(items.map((i) => i.protocolName))].sort();
  const technicians = [...new Map(items.flatMap((i) => (i.lastTechnicianId && i.lastTechnicianName ? [[i.lastTechnicianId, i.lastTechnicianName] as const] : []))).entries()]
    .sort((a, b) => a[1].localeCompare(b[1]));
  const filtered = filter.search !== '' || filter.protocol !== null || filter.technicianId !== null || filter.flags.length > 0;
  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Filter today's list">
      <TextInput
        label="Find"
        placeholder="Name or MRN"
        w={220}
        value={filter.search}
        onChange={(e) => onChange({ ...filter, search: e.currentTarget.value })}
      />
      <Select
        label="Protocol"
        placeholder="All protocols"
        w={260}
        clearable
        data={protocols}
        value={filter.protocol}
        onChange={(protocol) => onChange({ ...filter, protocol })}
      />
      <Select
        label="Technician (last session)"
        placeholder="Anyone"
        w={220}
        clearable
        data={technicians.map(([id, name]) => ({ value: String(id), label: name }))}
        value={filter.technicianId === null ? null : String(filter.technicianId)}
        onChange={(id) => onChange({ ...filter, technicianId: id === null ? null : Number(id) })}
      />
      <MultiSelect
        label="Only with"
        placeholder={filter.flags.length === 0 ? 'Any flag' : undefined}
        w={300}
        clearable
        data={todayFlags.map((f) => ({ value: f, label: todayFlagLabels[f] }))}
        value={[...filter.flags]}
        onChange={(flags) => onChange({ ...filter, flags: flags.filter((f): f is TodayFlag => (todayFlags as readonly string[]).includes(f)) })}
      />
      {filtered && (
        <Button variant="subtle" onClick={() => onChange({ search: '', protocol: null, technicianId: null, flags: [] })}>Clear filters</Button>
      )}
    </Group>
  );
}
