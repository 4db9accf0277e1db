// `/peer admin outbox`: what is waiting to be delivered and what was given up on, with a retry
// button for the latter. Admins see ids, recipients, times and errors, never a message's text.

import type { Actor } from '../../chat/index.ts';
import { actionsByName, defineCommand, defineGroup, refusalView } from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import { type Clock, outboxOverview, retryDead } from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import type { RolesPort } from '../ports.ts';
import { outboxView, retriedView } from './views.ts';

export const adminGroup = defineGroup({
  name: 'admin',
  description: 'Tools for team admins',
  help: 'Behind-the-scenes tools for admins: delivery status and retries.',
});

export interface AdminDeps {
  readonly prisma: PrismaClient;
  readonly clock: Clock;
  /** Wakes the delivery worker after a retry, so it does not wait for its next poll. */
  readonly notifyOutbox: () => void;
  /** Who is an admin: the teams feature knows (through app.ts). */
  readonly roles: RolesPort;
}

const notAdmin =
  'Only team admins can see delivery status. If a message seems lost, an admin can look here for you.';

/** This feature as a `Feature` (src/features/feature.ts says what each part promises). */
export function createAdminFeature({ prisma, clock, notifyOutbox, roles }: AdminDeps): Feature {
  const scopeOf = (actor: Actor) => ({ platform: actor.platform, workspaceExternalId: actor.workspaceId });

  const outbox = defineCommand({
    name: 'outbox',
    group: 'admin',
    description: 'See messages waiting to be delivered, and retry ones that failed',
    help: 'Lists pending and failed deliveries in this workspace (who they are for and why they failed, never what they say), with a retry button for each failed one.',
    who: 'admin',
    where: 'anywhere',
    handler: async ({ actor, reply }) => {
      if (!(await roles.rolesOf(actor)).isAdmin) return reply.privately(refusalView(notAdmin));
      await reply.privately(outboxView(await outboxOverview(prisma, scopeOf(actor), { now: clock.now() })));
    },
  });

  const actions = actionsByName({
    retry: async ({ actor, value, reply }) => {
      if (!(await roles.rolesOf(actor)).isAdmin) return reply.privately(refusalView(notAdmin));
      if (!value)
        return reply.privately(
          refusalView('That button has lost its message id. Please open `/peer admin outbox` again.'),
        );
      const result = await retryDead(prisma, scopeOf(actor), value, clock.now());
      if (result.ok) notifyOutbox();
      await reply.privately(retriedView(result));
    },
  });

  return { name: 'admin', groups: [adminGroup], commands: [outbox], actions: { outbox: actions } };
}
