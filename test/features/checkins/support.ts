// A check-ins world for tests: the teams and check-ins features through the shared chat harness
// (commands in #team by default) on a cloned database, a ManualClock, the real scheduler, a
// roster client that lists whoever the test says is in the channel, and a reader for what
// reached the outbox.
import { randomBytes } from 'node:crypto';
import { shellPerson } from '../../../src/adapters/shell/shell-client.ts';
import type { ChatClient, MessageRef, PlatformPerson, View } from '../../../src/chat/index.ts';
import { createFieldCipher, type Database, type FieldCipher } from '../../../src/db/index.ts';
import { createCheckinsFeature, rosterPort } from '../../../src/features/checkins/index.ts';
import {
  type CrisisLinesPort,
  noCrisisLines,
  noPlanSteps,
  type PlanStepsPort,
} from '../../../src/features/ports.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { silentLogger } from '../../../src/logger.ts';
import { createScheduler, ManualClock } from '../../../src/scheduling/index.ts';
import { decodePayload } from '../../../src/scheduling/outbox-payload.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase } from '../../support/database.ts';

export const flatten = (view: View): string =>
  [
    view.text,
    ...view.blocks.map((b) =>
      'text' in b
        ? b.text
        : b.type === 'fields'
          ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n')
          : b.type === 'actions'
            ? b.elements.map((e) => ('label' in e ? `[${e.label}]` : '')).join(' ')
            : '',
    ),
  ].join('\n');

export interface WorldOptions {
  readonly start: string;
  readonly crisisLines?: CrisisLinesPort;
  readonly planSteps?: PlanStepsPort;
  readonly teamZone?: string;
  /** CHECKIN_ANSWER_RETENTION_DAYS; absent: answers are kept. */
  readonly answerRetentionDays?: number;
  /** The field key; two replicas on one database share one. Absent: a key of its own. */
  readonly cipher?: FieldCipher;
}

export async function checkinWorld(options: WorldOptions, existing?: Database) {
  const db = existing ?? (await clonedDatabase());
  const prisma = db.prisma;
  const cipher = options.cipher ?? createFieldCipher(randomBytes(32));
  const clock = new ManualClock(options.start);
  const channel: PlatformPerson[] = [];
  /** Posts the feature edited on the platform (after an erase). */
  const updates: { message: MessageRef; view: View }[] = [];
  const rosterClient: ChatClient = {
    platform: 'shell',
    sendDirect: async () => {
      throw new Error('not in tests');
    },
    postToChannel: async () => {
      throw new Error('not in tests');
    },
    postPrivately: async () => {},
    updateMessage: async (message, view) => {
      updates.push({ message, view });
    },
    uploadFile: async () => {},
    listChannelMembers: async () => channel,
    lookupUser: async (user) => shellPerson(user),
  };
  const checkins = createCheckinsFeature({
    prisma,
    cipher,
    clock,
    logger: silentLogger,
    notifyOutbox: () => {},
    clientFor: (platform) => (platform === 'shell' ? rosterClient : undefined),
    crisisLines: options.crisisLines ?? noCrisisLines,
    planSteps: options.planSteps ?? noPlanSteps,
    ...(options.answerRetentionDays === undefined
      ? {}
      : { config: { retention: { checkinAnswerDays: options.answerRetentionDays } } }),
  });
  const teams = createTeamsFeature({
    prisma,
    defaults: { timeZone: options.teamZone ?? 'Europe/Berlin', crisisRegion: 'DE' },
    clientFor: (platform) => (platform === 'shell' ? rosterClient : undefined),
    roster: rosterPort({
      prisma,
      clock,
      logger: silentLogger,
      clientFor: (platform) => (platform === 'shell' ? rosterClient : undefined),
    }),
  });
  const chat = featureHarness(prisma, [teams, checkins], { channelId: 'team' });
  const scheduler = createScheduler({
    prisma,
    instanceId: 'test',
    handlers: chat.composed.occurrences,
    jobs: chat.composed.jobs,
    clock,
    cron: false,
  });
  return {
    ...chat,
    db,
    prisma,
    cipher,
    clock,
    checkins,
    scheduler,
    updates,
    /** Who the platform lists in the team channel. */
    setChannel(people: readonly (string | (Partial<PlatformPerson> & { userId: string }))[]) {
      channel.splice(
        0,
        channel.length,
        ...people.map((p) =>
          typeof p === 'string'
            ? { userId: p, displayName: p, isBot: false, deleted: false }
            : { displayName: p.userId, isBot: false, deleted: false, ...p },
        ),
      );
    },
    tick: (at?: Date) => scheduler.tick(at ?? clock.now()),
    async outbox(filter: { keyPrefix?: string } = {}) {
      const rows = await prisma.outboxMessage.findMany({
        where: filter.keyPrefix ? { idempotencyKey: { startsWith: filter.keyPrefix } } : {},
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => {
        const view = decodePayload(cipher, row);
        return { ...row, view, shown: flatten(view) };
      });
    },
    /** A team "team" set up by `admin` in #team, with a supervisor and members. */
    async team(people: { admin: string; supervisors?: string[]; members?: string[] }) {
      await chat.command(people.admin, ['setup'], { name: 'Harbor' });
      for (const s of people.supervisors ?? []) {
        await chat.joined(s);
        await chat.command(people.admin, ['team', 'role'], { user: s, role: 'supervisor' });
      }
      for (const m of people.members ?? []) await chat.joined(m);
      return prisma.team.findFirstOrThrow({ where: { channelId: 'team' }, include: { workspace: true } });
    },
    async memberId(userId: string) {
      return (await prisma.member.findFirstOrThrow({ where: { platformUserId: userId } })).id;
    },
  };
}

export type CheckinWorld = Awaited<ReturnType<typeof checkinWorld>>;

/** The first button's value in a view (a round id on prompts). */
export function buttonValue(view: View, label: string): string {
  for (const block of view.blocks) {
    if (block.type !== 'actions') continue;
    for (const element of block.elements)
      if (element.type === 'button' && element.label === label && element.value) return element.value;
  }
  throw new Error(`no button ${label} in ${flatten(view)}`);
}
