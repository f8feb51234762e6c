/** A file-system-safe part: ASCII letters, digits and hyphens (accents dropped: Núñez → Nunez). */
function safe(part: string): string {
  return part.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^\w-]+/g, '-').replace(/_+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'x';
}

/** MRN-lastname-course-2026-03-02.pdf (the course's start date). */
export function courseFileName(p: { mrn: string; lastName: string }, startDate: string, suffix: string, ext: 'pdf' | 'csv' | 'json'): string {
  return `${safe(p.mrn)}-${safe(p.lastName).toLowerCase()}-${suffix}-${startDate}.${ext}`;
}
