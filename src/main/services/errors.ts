import type { ErrorCode } from '../../shared/ipc/result';

/** A failure the user can act on. dispatch turns it into `{ ok: false, error }`. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export function notFound(what: string, id: number): ServiceError {
  return new ServiceError('not_found', `${what} ${id} does not exist.`);
}
