// `/peer admin outbox`: what is waiting to be delivered and what was given up on, with a retry
// button for the latter. Admins see ids, recipients, times and errors, never a message's text.
// Which rows: outbox-scope.ts, on the access policy (a team admin sees their team's, private
// ones only counted; a workspace admin everything).

import type { Access } from '../../access/index.ts';
import {
  type Actor,
  actionsByName,
  defineCommand,
  defineGroup,
  type Place,
  refusalView,
} from '../../chat/index.ts';
import type { PrismaClient } from '../../db/index.ts';
import type { Translate } from '../../i18n/index.ts';
import { type Clock, type LogPort, outboxOverview, retryDead } from '../../scheduling/index.ts';
import type { Feature } from '../feature.ts';
import { translatorForActor } from '../teams/index.ts';
import { outboxScope } from './outbox-scope.ts';
import { type RetentionSettings, retentionJob } from './retention.ts';
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
  /** The access policy: a workspace admin is whoever the platform says is one. */
  readonly access: Access;
  /** How long delivery bookkeeping is kept (the daily prune job). */
  readonly retention: RetentionSettings;
  readonly logger?: LogPort;
}

export function createAdminFeature(deps: AdminDeps): Feature {
  const { prisma, clock, notifyOutbox, access } = deps;
  // Each reply is in the asker's language (their choice, their platform's, then the team's).
  const translatorFor = (actor: Actor, place: Place) =>
    translatorForActor(prisma, actor, place.isDirect ? {} : { channelId: place.channelId });
  const scopeFor = (actor: Actor, place: Place, t: Translate) => outboxScope(prisma, access, actor, place, t);

  const outbox = defineCommand({
    name: 'outbox',
    group: 'admin',
    description: 'See messages waiting to be delivered, and retry ones that failed',
    help: "Lists pending and failed deliveries (why they failed, never what they say), with a retry button for each failed one. A team admin sees their own team's, run in the team channel, and of private messages only how many there are; a workspace admin (Slack workspace admin or owner, Discord Manage Server) sees the whole workspace's, anywhere, with who each is for.",
    who: 'admin',
    verb: 'admin.outbox',
    where: 'anywhere',
    handler: async ({ actor, place, reply }) => {
      const t = await translatorFor(actor, place);
      const scope = await scopeFor(actor, place, t);
      if (!scope.ok) return reply.privately(refusalView(scope.reason));
      const overview = await outboxOverview(prisma, scope.scope, { now: clock.now() });
      await reply.privately(
        outboxView({ ...overview, showsPrivateRows: scope.scope.showPrivateRows }, scope.label, t),
      );
    },
  });

  const actions = actionsByName({
    retry: async ({ actor, place, value, reply }) => {
      const t = await translatorFor(actor, place);
      const scope = await scopeFor(actor, place, t);
      if (!scope.ok) return reply.privately(refusalView(scope.reason));
      if (!value) return reply.privately(refusalView(t('admin.outbox.lostId')));
      const result = await retryDead(prisma, scope.scope, value, clock.now());
      if (result.ok) notifyOutbox();
      await reply.privately(retriedView(result, t));
    },
  });

  return {
    name: 'admin',
    groups: [adminGroup],
    commands: [outbox],
    actions: { outbox: actions },
    verbs: { 'outbox:retry': 'admin.outbox.retry' },
    jobs: [
      retentionJob({ prisma, retention: deps.retention, ...(deps.logger ? { logger: deps.logger } : {}) }),
    ],
  };
}
