import type { OpenProblemKind } from '../../shared/schemas/recovery';

/** Why a database file could not be opened. Each kind has its own message. */
export type DatabaseOpenErrorKind = OpenProblemKind;

/** Why a database file could not be opened; the message is shown to the user as is. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly reason: DatabaseOpenErrorKind,
    message: string,
    options?: { cause?: unknown; file?: string },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DatabaseOpenError';
    this.file = options?.file;
  }

  /** The database file this is about, when known (the recovery screen offers its backups). */
  readonly file: string | undefined;
}

const UNCHANGED = 'It was not changed.';

/** The user-facing message for each kind; `detail` adds what was found (a path, a count, a code). */
export const openMessages = {
  folder_missing: (file: string, dir: string) =>
    `The folder ${dir} does not exist, so ${file} cannot be opened. If the clinic's file is on a network ` +
    `share or a USB drive, connect it and start again. Nothing was created.`,
  folder_read_only: (file: string, dir: string) =>
    `The folder ${dir} is read-only for you. TMS Course Tracker keeps its journal beside ${file}, so it ` +
    `cannot save anything there. Make the folder writable for your user account, or move the file. ${UNCHANGED}`,
  file_read_only: (file: string) =>
    `${file} is read-only for you, so no change could be saved to it. Make it writable for your user ` +
    `account and start again. ${UNCHANGED}`,
  locked: (file: string) =>
    `${file} is locked by another program (a backup or sync tool, or another copy of TMS Course Tracker ` +
    `holding it exclusively). Close that program and start again. ${UNCHANGED}`,
  empty_file: (file: string) =>
    `${file} is empty (0 bytes): it may have been cut short by a copy, sync or disk problem. It was not ` +
    `changed and no new clinic was started in it. Restore the newest backup, or move the empty file away ` +
    `to start a new clinic.`,
  not_a_database: (file: string) => `${file} is not a database file (it does not start like a SQLite database). ${UNCHANGED}`,
  not_ours: (file: string) => `${file} is a SQLite database but not a TMS Course Tracker one. ${UNCHANGED}`,
  too_new: (file: string, current: number, latest: number) =>
    `The database ${file} was written by a newer version of TMS Course Tracker (schema ${current}; ` +
    `this version knows up to ${latest}). Install the newer version to open it. The file was not changed.`,
  corrupt: (file: string, found: readonly string[]) => {
    // quick_check packs several problems into one row, under a "*** in database main ***" line.
    const problems = found.flatMap((row) => row.split('\n')).filter((line) => line.trim() !== '' && !line.startsWith('***'));
    const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
    const first = problems[0] ? ` (first: ${problems[0].slice(0, 160)})` : '';
    return `${file} is damaged: the database check found ${count}${first}. ${UNCHANGED} Restore the newest good backup.`;
  },
  unreadable: (file: string, why: string) => `${file} could not be read (${why}). ${UNCHANGED}`,
} as const;
