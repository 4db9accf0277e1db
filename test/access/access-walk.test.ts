// The access walk: every command and every action prefix in the app's own feature list, run
// as each role, against the table below. A command or action prefix without a row fails the
// test, so a new feature must say who may use what. Identities are the verified actor only.
//
// When the features land, the lead adds their rows (commands, actions, forms) here.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { featureList } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createKeyRing, type Database } from '../../src/db/index.ts';
import { composeFeatures } from '../../src/features/compose-features.ts';
import { silentLogger } from '../../src/logger.ts';
import { ManualClock } from '../../src/scheduling/index.ts';
import { featureHarness } from '../support/chat-harness.ts';
import { clonedDatabase } from '../support/database.ts';

const roles = [
  'noTeam',
  'member',
  'otherTeam',
  'supervisorOfOther',
  'supervisor',
  'admin',
  'formerAdmin',
] as const;
type Role = (typeof roles)[number];
const userOf: Record<Role, string> = {
  noTeam: 'nobody',
  member: 'mem',
  otherTeam: 'other',
  supervisorOfOther: 'sup2',
  supervisor: 'sup',
  admin: 'adm',
  formerAdmin: 'former',
};

type Allowed = Readonly<Record<Role, boolean>>;
const everyone: Allowed = Object.fromEntries(roles.map((r) => [r, true])) as Record<Role, boolean>;
const adminsOnly: Allowed = { ...Object.fromEntries(roles.map((r) => [r, false])), admin: true } as Record<
  Role,
  boolean
>;

interface Row {
  readonly options?: Record<string, string | boolean>;
  /** The words of a refusal; an allowed run must not say them. */
  readonly refusal: RegExp;
  readonly allowed: Allowed;
}

const adminRefusal = /Only (this team's|team) admins|Only a team admin/;

// Commands by path. Run in team A's channel.
const commands: Record<string, Row> = {
  setup: { options: { region: 'US' }, refusal: adminRefusal, allowed: adminsOnly },
  // The roster is visible to whoever can read the team's channel (the platform decides that).
  'team show': { refusal: /not set up|Please run/, allowed: everyone },
  'team role': { options: { user: '@zed', role: 'member' }, refusal: adminRefusal, allowed: adminsOnly },
  'team supervisor': {
    options: { member: '@zed', supervisor: '@sup', kind: 'backup' },
    refusal: adminRefusal,
    allowed: adminsOnly,
  },
  timezone: { options: { zone: 'Europe/Berlin' }, refusal: /couldn't|not a time zone/, allowed: everyone },
  'quiet-hours': { options: { hours: '22:00-06:00' }, refusal: /couldn't/, allowed: everyone },
  'admin outbox': { refusal: /Only team admins/, allowed: adminsOnly },
  privacy: { refusal: /Only a team admin/, allowed: everyone },
  help: { refusal: /I don't know/, allowed: everyone },
};

// Actions by id; the value is filled in by `values` below when it needs a fresh id.
const actions: Record<string, Row> = {
  'outbox:retry': { options: { value: 'no-such-row' }, refusal: /Only team admins/, allowed: adminsOnly },
  // Erasing a departed member's data: only an admin of the workspace may.
  'privacy:erase': { refusal: /Only a team admin|nothing left/, allowed: adminsOnly },
  'privacy:keep': { refusal: /Only/, allowed: everyone },
};

let db: Database;
let chat: ReturnType<typeof featureHarness>;
let actionPrefixes: string[];
let departedId: string;

beforeAll(async () => {
  db = await clonedDatabase();
  const features = featureList({
    prisma: db.prisma,
    cipher: createKeyRing(randomBytes(32)),
    clock: new ManualClock(new Date('2026-12-01T09:00:00Z')),
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    logger: silentLogger,
    notifyOutbox: () => {},
    clientFor: () => undefined,
  });
  actionPrefixes = Object.keys(composeFeatures(features, silentLogger).actions);
  chat = featureHarness(db.prisma, features);
  await chat.command('adm', ['setup'], { name: 'A' }, 'C-a');
  for (const who of ['mem', 'mem2', 'sup', 'sup2', 'former', 'zed', 'gone']) await chat.joined(who, 'C-a');
  for (const who of ['sup', 'sup2'])
    await chat.command('adm', ['team', 'role'], { user: `@${who}`, role: 'supervisor' }, 'C-a');
  await chat.command('adm', ['team', 'supervisor'], { member: '@mem', supervisor: '@sup' }, 'C-a');
  await chat.command('adm', ['team', 'supervisor'], { member: '@mem2', supervisor: '@sup2' }, 'C-a');
  await chat.command('adm', ['team', 'role'], { user: '@former', role: 'admin' }, 'C-a');
  await chat.command('adm', ['team', 'role'], { user: '@former', role: 'admin', remove: true }, 'C-a');
  await chat.command('adm', ['team', 'role'], { user: '@gone', role: 'member', remove: true }, 'C-a');
  await chat.command('bown', ['setup'], { name: 'B' }, 'C-b');
  await chat.joined('other', 'C-b');
  departedId = (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'gone' } })).id;
});
afterAll(() => db.close());

describe('access walk', () => {
  it('has a row for every command and every action prefix', () => {
    const paths = chat.table.commands.map((c) => c.path.join(' '));
    expect(paths.filter((p) => !Object.hasOwn(commands, p))).toEqual([]);
    expect(actionPrefixes.filter((p) => !Object.keys(actions).some((id) => id.startsWith(`${p}:`)))).toEqual(
      [],
    );
  });

  it('allows or refuses every command as the table says, for every role', async () => {
    const wrong: string[] = [];
    for (const [path, row] of Object.entries(commands)) {
      for (const role of roles) {
        const reply = await chat.command(userOf[role], path.split(' '), row.options ?? {}, 'C-a');
        const refused = row.refusal.test(reply.text());
        if (refused === row.allowed[role] || reply.seen.length === 0) {
          wrong.push(
            `${path} as ${role}: ${row.allowed[role] ? 'refused' : 'allowed'}: ${reply.text().slice(0, 80)}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('allows or refuses every action as the table says, for every role', async () => {
    const wrong: string[] = [];
    for (const [id, row] of Object.entries(actions)) {
      for (const role of roles) {
        const value = id === 'privacy:erase' ? departedId : (row.options?.value as string | undefined);
        const reply = await chat.action(userOf[role], id, value, 'C-a');
        const refused = row.refusal.test(reply.text());
        if (refused === row.allowed[role] || reply.seen.length === 0) {
          wrong.push(
            `${id} as ${role}: ${row.allowed[role] ? 'refused' : 'allowed'}: ${reply.text().slice(0, 80)}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
