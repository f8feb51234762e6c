/** What every service call knows besides its input. */
export interface ServiceContext {
  /** The moment of the call: timestamps and audit entries use it, so tests can fix it. */
  now: Date;
}
