// The small interfaces through which features meet, passed in by app.ts. A feature depends on
// a port, never on the feature that implements it, so each can be tested with a fake.

import type { Db } from '../db/index.ts';
import type { Language } from '../i18n/index.ts';

/** One way to reach a crisis line or service. */
export interface ContactPoint {
  readonly kind: 'phone' | 'text' | 'chat' | 'web' | 'email';
  readonly value: string;
  readonly note?: string;
}

export interface CrisisLine {
  readonly id: string;
  readonly title: string;
  readonly summary?: string;
  readonly contacts: readonly ContactPoint[];
  readonly hours?: string;
}

/** The resources feature implements it; check-ins and flags show its lines to a member. */
export interface CrisisLinesPort {
  /**
   * The crisis lines for a region code (ISO 3166-1 alpha-2, optionally `-` + subdivision,
   * e.g. `US-TX`), most relevant first. Never throws for an unknown region: returns the
   * international fall-backs, or nothing. With the workspace (its internal id), the lines that
   * workspace's teams see: a shared line it replaced with its own copy shows as that copy.
   * With the reader's language, lines that answer in it come first within each coverage rank.
   */
  forRegion(region: string, workspaceId?: string, language?: Language): Promise<readonly CrisisLine[]>;
}

/** The flags/plans feature implements it; check-ins asks it for a member's own steps. */
export interface PlanStepsPort {
  /**
   * The member's own "my triggers and what helps" steps from their wellness plan, decrypted
   * for that member only (the caller must show them to nobody else), or undefined when the
   * member has no plan or that section is empty.
   */
  helpfulSteps(memberId: string): Promise<readonly string[] | undefined>;
}

/** Until a real implementation is wired: no lines. Used only in tests that need none. */
export const noCrisisLines: CrisisLinesPort = { forRegion: async () => [] };
export const noPlanSteps: PlanStepsPort = { helpfulSteps: async () => undefined };

/** One person on a team's roster, as the check-ins feature keeps it. */
export interface RosterEntry {
  readonly memberId: string;
  /** Opted in as a check-in support buddy (`/peer checkin buddy on`). */
  readonly buddy: boolean;
}

/** The check-ins feature implements it; `/peer team show` lists the roster through it. */
export interface RosterPort {
  /**
   * Who is on the team now: the roster read from the platform, or undefined before the first
   * read (the caller then falls back to the team's role holders).
   */
  rosterOf(teamId: string): Promise<readonly RosterEntry[] | undefined>;
}

/**
 * The flags feature implements it; the teams feature calls it inside every transaction that
 * removes a role or changes a pairing, so the team's open flags follow the new chain at once
 * (to the new primary, else down the chain). `notify` after the commit wakes the outbox.
 */
export interface FlagRoutingPort {
  rerouteOpenFlags(tx: Db.Prisma.TransactionClient, teamId: string): Promise<number>;
  notify(): void;
}
