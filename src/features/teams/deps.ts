import type { PrismaClient } from '../../db/index.ts';
import type { FlagRoutingPort, RosterPort } from '../ports.ts';
import type { ClientFor } from './people.ts';
import type { TeamDefaults } from './team-setup.ts';

/** What the teams feature is given by app.ts. */
export interface TeamsDeps {
  readonly prisma: PrismaClient;
  readonly defaults: TeamDefaults;
  /** The running platforms' clients: people named in commands are confirmed through them. */
  readonly clientFor: ClientFor;
  /** The check-in roster (who is in the channel); without it `/peer team show` lists role holders. */
  readonly roster?: RosterPort;
  /** Open flags follow a role removal or a new pairing in the same transaction (flags feature). */
  readonly flagRouting?: FlagRoutingPort;
}
