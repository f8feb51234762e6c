import type { Actor } from './actor';

/** What every service call knows besides its input. */
export interface ServiceContext {
  /** The moment of the call: timestamps and audit entries use it, so tests can fix it. */
  now: Date;
}

/** A call made by a signed-in staff member, resolved by dispatch from the host's session, never from input. */
export interface ActorContext extends ServiceContext {
  actor: Actor;
}
