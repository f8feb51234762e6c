/** Query keys, so a mutation invalidates exactly what it changed. */
export const queryKeys = {
  appInfo: ['app:info'] as const,
  staff: ['staff'] as const,
  patients: ['patients'] as const,
  patientSearch: (query: string, includeArchived: boolean) => ['patients', 'search', query, includeArchived] as const,
  patient: (id: number) => ['patients', 'detail', id] as const,
  audit: (entity: string, id: number) => ['audit', entity, id] as const,
};
