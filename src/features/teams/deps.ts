import type { Access } from '../../access/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { RosterPort } from '../ports.ts';
import type { ClientFor } from './people.ts';
import type { TeamDefaults } from './team-setup.ts';

/** What the teams feature is given by app.ts. */
export interface TeamsDeps {
  readonly prisma: PrismaClient;
  /**
   * The access policy: who may set up, change roles and pairings (src/access). app.ts passes the
   * app's; without it, the same policy is bound to `prisma` and `clientFor` (feature tests).
   */
  readonly access?: Access;
  readonly defaults: TeamDefaults;
  /** The running platforms' clients: people named in commands are confirmed through them. */
  readonly clientFor: ClientFor;
  /** The check-in roster (who is in the channel); without it `/peer team show` lists role holders. */
  readonly roster?: RosterPort;
}

/** TeamsDeps once the access policy is settled (commands.ts binds it). */
export type BoundTeamsDeps = TeamsDeps & { readonly access: Access };
