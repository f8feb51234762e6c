import type { Kysely } from 'kysely';
import type { AuditChainReport, AuditChainStatus } from '../../shared/schemas/audit';
import type { DB } from '../db/schema';
import { verifyAuditChain } from './audit';

/**
 * Checks the audit log's hash chain in the background (at start-up, and when an administrator
 * asks) without holding up the app or refusing the file: a broken chain is reported, never hidden.
 */
export class AuditChainMonitor {
  private status: AuditChainStatus | null = null;
  private checkedAt: Date | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: () => Date = () => new Date(),
    private readonly onBroken: (status: AuditChainStatus) => void = () => undefined,
  ) {}

  /** Starts a check unless one is running; resolves when it ends. */
  check(): Promise<void> {
    this.running ??= verifyAuditChain(this.db)
      .then((status) => {
        this.status = status;
        this.checkedAt = this.clock();
        if (!status.ok) this.onBroken(status);
      })
      .catch(() => undefined)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  report(): AuditChainReport {
    return { status: this.status, checkedAt: this.checkedAt?.toISOString() ?? null, running: this.running !== null };
  }
}
