/** Query keys, so a mutation invalidates exactly what it changed. */
export const queryKeys = {
  appInfo: ['app:info'] as const,
  recovery: ['recovery:status'] as const,
  authSession: ['auth:session'] as const,
  pendingSessions: (courseId?: number) => ['clinical', 'pending', courseId ?? 0] as const,
  staff: ['staff'] as const,
  patients: ['patients'] as const,
  patientSearch: (query: string, includeArchived: boolean) => ['patients', 'search', query, includeArchived] as const,
  patient: (id: number) => ['patients', 'detail', id] as const,
  audit: (entity: string, id: number) => ['audit', entity, id] as const,
  protocols: ['protocols'] as const,
  /** Everything about courses and sessions: one write can change the course, its sessions and today's list. */
  clinical: ['clinical'] as const,
  course: (id: number) => ['clinical', 'course', id] as const,
  patientCourses: (patientId: number) => ['clinical', 'patientCourses', patientId] as const,
  sessionPrepare: (courseId: number, sessionId?: number) => ['clinical', 'prepare', courseId, sessionId ?? 0] as const,
  today: (date: string) => ['clinical', 'today', date] as const,
  patientPhq9: (patientId: number) => ['clinical', 'phq9', patientId] as const,
  item9Alerts: ['clinical', 'item9Alerts'] as const,
  patientAssessments: (patientId: number) => ['clinical', 'assessments', patientId] as const,
  treatmentHistory: (patientId: number) => ['clinical', 'history', patientId] as const,
  thresholdRecheck: (courseId: number) => ['clinical', 'thresholdRecheck', courseId] as const,
  readiness: (courseId: number) => ['clinical', 'readiness', courseId] as const,
  outcomeRuleChanges: ['clinical', 'outcomeRuleChanges'] as const,
  dashboard: (kind: 'courses' | 'cohort', filters: unknown) => ['clinical', 'dashboard', kind, filters] as const,
  /** One page of the dashboard's course table. */
  dashboardPage: (filters: unknown, page: number) => ['clinical', 'dashboard', 'courses', filters, page] as const,
};
