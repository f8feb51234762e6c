import { Button, Group, MultiSelect, NativeSelect, TextInput } from '@mantine/core';
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
      {/* Native selects: a short list each, opened by keyboard or mouse as the system's own, and light to draw with the list. */}
      <NativeSelect
        label="Protocol"
        w={260}
        data={[{ value: '', label: 'All protocols' }, ...protocols]}
        value={filter.protocol ?? ''}
        onChange={(e) => onChange({ ...filter, protocol: e.currentTarget.value || null })}
      />
      <NativeSelect
        label="Technician (last session)"
        w={220}
        data={[{ value: '', label: 'Anyone' }, ...technicians.map(([id, name]) => ({ value: String(id), label: name }))]}
        value={filter.technicianId === null ? '' : String(filter.technicianId)}
        onChange={(e) => onChange({ ...filter, technicianId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
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
