// What the supervision feature is given by app.ts.
import type { ChatClient, Platform } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { Clock, LogPort, Outbox } from '../../scheduling/index.ts';

export interface SupervisionDeps {
  readonly prisma: PrismaClient;
  readonly outbox: Outbox;
  readonly clock: Clock;
  readonly logger: LogPort;
  /** A connected platform's client: files (calendar, CSV), poll message edits, Discord events. */
  readonly clientFor: (platform: Platform) => ChatClient | undefined;
}
