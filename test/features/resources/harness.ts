// The resources feature (with teams, for set-up and roles) through the real router, with forms
// and actions as a person sends them, and the outbox rows a test can read back.
import { randomBytes } from 'node:crypto';
import { createCommandTable } from '../../../src/chat/command-table.ts';
import type { ChatEvent, CommandOptionValue } from '../../../src/chat/events.ts';
import { createRouter } from '../../../src/chat/router.ts';
import type { FormValues } from '../../../src/chat/views.ts';
import { createFieldCipher, type Database, processedEvents } from '../../../src/db/index.ts';
import { composeFeatures } from '../../../src/features/compose-features.ts';
import { createResourcesFeature } from '../../../src/features/resources/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { ManualClock } from '../../../src/scheduling/index.ts';
import { recordingReply } from '../../support/chat-harness.ts';
import { clientsFor, shellPeople } from '../../support/people.ts';

let counter = 0;

export function resourcesHarness(db: Database, options: { seedPath?: string } = {}) {
  const cipher = createFieldCipher(randomBytes(32));
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));
  const config = { defaults: { timeZone: 'UTC', crisisRegion: 'US' }, resources: { staleDays: 180 } };
  const resources = createResourcesFeature({
    prisma: db.prisma,
    cipher,
    clock,
    config,
    logger: silentLogger,
    notifyOutbox: () => undefined,
    ...(options.seedPath ? { seedPath: options.seedPath } : {}),
  });
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: config.defaults,
    clientFor: clientsFor(shellPeople),
  });
  const composed = composeFeatures([teams, resources], silentLogger);
  const table = createCommandTable({ commands: [...composed.commands], groups: [...composed.groups] });
  const sink = createRouter({
    table,
    actions: composed.actions,
    forms: composed.forms,
    ...(composed.rolesOf ? { rolesOf: composed.rolesOf } : {}),
    dedupe: processedEvents(db.prisma),
    logger: silentLogger,
  });
  const actor = (userId: string) => ({
    platform: 'shell' as const,
    workspaceId: 'local',
    userId,
    displayName: userId,
  });
  const place = (channelId?: string) => (channelId ? { channelId, isDirect: false } : { isDirect: true });
  const send = async (event: ChatEvent) => {
    const reply = recordingReply();
    await sink(event, reply);
    return reply;
  };
  return {
    resources,
    clock,
    cipher,
    command: (
      userId: string,
      path: string[],
      options: Record<string, CommandOptionValue> = {},
      channelId: string | undefined = 'C-team',
    ) =>
      send({
        kind: 'command',
        eventId: `ev-${++counter}`,
        actor: actor(userId),
        place: place(channelId),
        path,
        options,
      }),
    action: (userId: string, actionId: string, value?: string, channelId: string | undefined = 'C-team') =>
      send({
        kind: 'action',
        eventId: `ev-${++counter}`,
        actor: actor(userId),
        place: place(channelId),
        actionId,
        ...(value === undefined ? {} : { value }),
      }),
    form: (
      userId: string,
      formId: string,
      values: FormValues,
      context?: string,
      channelId: string | undefined = 'C-team',
    ) =>
      send({
        kind: 'form',
        eventId: `ev-${++counter}`,
        actor: actor(userId),
        place: place(channelId),
        formId,
        values,
        ...(context ? { context } : {}),
      }),
    async runJobs() {
      for (const job of resources.jobs ?? []) await job.run({ instanceId: 'test', now: clock.now() });
    },
  };
}
