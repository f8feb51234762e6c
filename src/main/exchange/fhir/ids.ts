import { createHash } from 'node:crypto';
import type { Reference } from './types';

/**
 * Names every resource of one export: a UUID derived from the patient's MRN and the record it
 * stands for, so exporting the same course twice gives the same ids (a receiver can match them),
 * and `urn:uuid:` references that resolve inside the Bundle.
 */
export class ResourceIds {
  constructor(private readonly namespace: string) {}

  /** A UUID-shaped id (version 8, RFC 9562 custom) for `kind` `key`, e.g. ('Observation', 'phq9/12/total'). */
  id(kind: string, key: string | number): string {
    const hex = createHash('sha256').update(`${this.namespace}\u0000${kind}\u0000${key}`).digest('hex');
    const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  ref(kind: string, key: string | number, display?: string): Reference {
    return { reference: `urn:uuid:${this.id(kind, key)}`, ...(display ? { display } : {}) };
  }
}
