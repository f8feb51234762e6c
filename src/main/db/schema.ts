import type { Generated } from 'kysely';
import type { Sex } from '../../shared/schemas/patient';
import type { StaffRole } from '../../shared/schemas/staff';

/** Row types of the tables created in migrations/. Keep in step with them. */
export interface StaffTable {
  id: Generated<number>;
  name: string;
  role: StaffRole;
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface PatientsTable {
  id: Generated<number>;
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  sex: Sex;
  primary_diagnosis: string;
  referring_psychiatrist: string;
  notes: string;
  archived_at: string | null;
  archive_reason: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  staff_id: number;
  action: string;
  entity: string;
  entity_id: number;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
}

export interface DB {
  staff: StaffTable;
  patients: PatientsTable;
  audit_log: AuditLogTable;
}
