export const errorCodes = [
  'invalid_input',
  'not_found',
  'conflict',
  'unauthenticated',
  'forbidden',
  'password_change_required',
  /** Above the prescription: a psychiatrist must co-sign (field `cosign`) or it waits as pending. */
  'cosign_required',
  'locked',
  'unknown_channel',
  'unavailable',
  'busy',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** An error as it crosses IPC: plain data, never an Error instance. */
export interface AppErrorData {
  code: ErrorCode;
  message: string;
  /** Field path (dot-separated, as in the channel input) → message for that field. */
  fields?: Record<string, string>;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
