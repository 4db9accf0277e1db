// A team with a member, supervisors and an admin, driven through the shared chat harness with the
// real teams, flags, plans and self-care features on a cloned database, a manual clock and a fake
// crisis-lines port. Calls name their place as the harness's do (`dm` for a direct message; the
// team channel when none is named). Outbox rows are read back (decrypted) as what each person
// would receive.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createAccess } from '../../../../src/access/index.ts';
import type { ChatClient, FormValues, Platform, View } from '../../../../src/chat/index.ts';
import { createFieldCipher, type Database, type FieldCipher } from '../../../../src/db/index.ts';
import type { Feature } from '../../../../src/features/feature.ts';
import { createFlagsFeature, flagRoutingPort } from '../../../../src/features/flags/index.ts';
import { createPlansFeature, planStepsPort } from '../../../../src/features/plans/index.ts';
import type { CrisisLinesPort } from '../../../../src/features/ports.ts';
import { createPrivacyFeature } from '../../../../src/features/privacy/index.ts';
import { createSelfCareFeature } from '../../../../src/features/selfcare/index.ts';
import { createTeamsFeature } from '../../../../src/features/teams/index.ts';
import { type Logger, silentLogger } from '../../../../src/logger.ts';
import { createScheduler, ManualClock } from '../../../../src/scheduling/index.ts';
import { decodePayload } from '../../../../src/scheduling/outbox-payload.ts';
import { dm, featureHarness, type Where } from '../../../support/chat-harness.ts';
import {
  clonedDatabase,
  type DatabaseSnapshot,
  restoreDatabase,
  snapshotDatabase,
} from '../../../support/database.ts';
import { clientsFor, shellPeople } from '../../../support/people.ts';

export const fakeCrisisLines: CrisisLinesPort & { asked: string[] } = {
  asked: [],
  async forRegion(region) {
    this.asked.push(region);
    return [
      {
        id: 'line-988',
        title: '988 Suicide & Crisis Lifeline',
        contacts: [{ kind: 'phone', value: '988' }],
        hours: '24/7',
      },
    ];
  },
};

export interface WorldOptions {
  readonly db?: Database;
  readonly cipher?: FieldCipher;
  readonly clock?: ManualClock;
  readonly clientFor?: (platform: Platform) => ChatClient | undefined;
  readonly retentionDays?: number;
  /** The router's logger (silent unless a test reads what it logged). */
  readonly logger?: Logger;
}

export async function flagsWorld(options: WorldOptions = {}) {
  const db = options.db ?? (await clonedDatabase());
  const prisma = db.prisma;
  const cipher = options.cipher ?? createFieldCipher(randomBytes(32));
  const clock = options.clock ?? new ManualClock('2026-03-02T10:00:00Z');
  const planSteps = planStepsPort({ prisma, cipher });
  const features: Feature[] = [
    createTeamsFeature({
      prisma,
      defaults: { timeZone: 'UTC', crisisRegion: 'US' },
      clientFor: clientsFor(shellPeople),
      flagRouting: flagRoutingPort({ cipher, clock, notifyOutbox: () => undefined }),
    }),
    createFlagsFeature({
      prisma,
      cipher,
      clock,
      config: { flagRetentionDays: options.retentionDays ?? 90 },
      logger: silentLogger,
      notifyOutbox: () => undefined,
      ports: { crisisLines: fakeCrisisLines, planSteps },
    }),
    createPlansFeature({
      prisma,
      cipher,
      clock,
      notifyOutbox: () => undefined,
      clientFor: options.clientFor ?? (() => undefined),
    }),
    createSelfCareFeature({
      prisma,
      cipher,
      clock,
      notifyOutbox: () => undefined,
      defaultTimeZone: 'UTC',
      planSteps,
      crisisLines: fakeCrisisLines,
    }),
    // `/peer privacy` over the features above (its summary is each feature's lines).
    createPrivacyFeature({
      prisma,
      access: createAccess({ prisma, clientFor: clientsFor(shellPeople) }),
      clientFor: clientsFor(shellPeople),
      clock,
      features: () => features,
      auditRetentionDays: 365,
      sendFile: async () => true,
    }),
  ];
  const chat = featureHarness(prisma, features, options.logger ? { logger: options.logger } : {});
  const scheduler = (instanceId = 'test') =>
    createScheduler({
      prisma,
      instanceId,
      handlers: chat.composed.occurrences,
      jobs: chat.composed.jobs,
      clock,
      logger: silentLogger,
    });

  const world = {
    ...chat,
    db,
    prisma,
    cipher,
    clock,
    scheduler,
    /** Views waiting in the outbox for this platform user, decrypted, oldest first. */
    async inbox(
      userId: string,
    ): Promise<(View & { urgent: boolean; respectQuietHours: boolean; notBefore: Date; key: string })[]> {
      const rows = await prisma.outboxMessage.findMany({
        where: { recipientId: userId },
        orderBy: { createdAt: 'asc' },
      });
      return rows.map((row) => ({
        ...decodePayload(cipher, row),
        urgent: row.urgent,
        respectQuietHours: row.respectQuietHours,
        notBefore: row.notBefore,
        key: row.idempotencyKey,
      }));
    },
    /** Sets up team "Peers" in C-team: alice admin; sam primary and kim backup for maya; ola admin+supervisor. */
    async standardTeam(channelId = 'C-team', prefix = '') {
      const p = (name: string) => `${prefix}${name}`;
      await world.command(
        p('alice'),
        ['setup'],
        { name: `Peers${prefix}`, timezone: 'Europe/Berlin' },
        channelId,
      );
      for (const [user, role] of [
        [p('sam'), 'supervisor'],
        [p('kim'), 'supervisor'],
        [p('ola'), 'supervisor'],
        [p('ola'), 'admin'],
        [p('maya'), 'member'],
        [p('lee'), 'member'],
      ] as const) {
        await world.command(p('alice'), ['team', 'role'], { user, role }, channelId);
      }
      await world.command(
        p('alice'),
        ['team', 'supervisor'],
        { member: p('maya'), supervisor: p('sam'), kind: 'primary' },
        channelId,
      );
      await world.command(
        p('alice'),
        ['team', 'supervisor'],
        { member: p('maya'), supervisor: p('kim'), kind: 'backup' },
        channelId,
      );
      return prisma.team.findFirstOrThrow({ where: { channelId } });
    },
    /** Opens the flag form as `userId` and submits it. */
    async flag(userId: string, values: FormValues, where: Where = dm) {
      const opened = await world.command(userId, ['flag'], {}, where);
      const form = opened.seen.find((s) => s.how === 'form')?.form;
      return { opened, submitted: await world.form(userId, 'flags:submit', values, dm, form?.context) };
    },
  };
  return world;
}

export type World = Awaited<ReturnType<typeof flagsWorld>>;

/** Everything a view says, for "does it mention …" checks. */
export const said = (view: View | undefined): string => JSON.stringify(view ?? {});

/**
 * A test file's worlds: one cloned database, the standard team set up once through the real
 * commands, and before each test the database put back to just that (a snapshot) with a fresh
 * world over it, handed to `each`. Each test starts from the same team, whatever the one before
 * it did, so it passes alone and in any order. Registers the file's hooks: call it at the top.
 */
export function standardTeamPerTest(each: (world: World) => void): void {
  let db: Database;
  let team: DatabaseSnapshot;
  const cipher = createFieldCipher(randomBytes(32));
  beforeAll(async () => {
    db = await clonedDatabase();
    await (await flagsWorld({ db, cipher })).standardTeam();
    team = await snapshotDatabase(db);
  });
  beforeEach(async () => {
    await restoreDatabase(db, team);
    each(await flagsWorld({ db, cipher }));
  });
  afterAll(async () => {
    await db?.close();
  });
}
