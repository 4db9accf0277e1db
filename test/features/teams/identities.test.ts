// Issue 7, points 1, 5 and 8: people come from the platform, refusals write nothing, and one
// channel has one team whichever workspace asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase } from '../../support/database.ts';
import { clientsFor, platformPeople } from '../../support/people.ts';

const SLACK = { platform: 'slack', workspaceId: 'T0HARBOR' } as const;
const DISCORD = { platform: 'discord', workspaceId: '900000000000000001' } as const;
const ADMIN = 'U0ADMIN01';
const CASEY = 'U0CASEY01';
const RIVER = 'U0RIVER01';
const DISCORD_ADMIN = '100000000000000001';
const DISCORD_SAM = '100000000000000002';

let db: Database;
const slackPeople = platformPeople('slack', {
  [ADMIN]: { displayName: 'Ada' },
  [CASEY]: { displayName: 'Casey R' },
  [RIVER]: { displayName: 'River' },
  U0BOT0001: { displayName: 'Standup bot', isBot: true },
  U0GONE001: { displayName: 'Former colleague', deleted: true },
});
const discordPeople = platformPeople('discord', {
  [DISCORD_ADMIN]: {},
  [DISCORD_SAM]: { displayName: 'Sam' },
});
let slack: ReturnType<typeof featureHarness>;
let discord: ReturnType<typeof featureHarness>;

beforeAll(async () => {
  db = await clonedDatabase();
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    clientFor: clientsFor(slackPeople, discordPeople),
  });
  slack = featureHarness(db.prisma, [teams], SLACK);
  discord = featureHarness(db.prisma, [teams], DISCORD);
  await slack.command(ADMIN, ['setup'], { name: 'Harbor' }, 'C0HARBOR1');
  await discord.command(DISCORD_ADMIN, ['setup'], { name: 'Dock' }, '300000000000000001');
});
afterAll(() => db.close());

const memberIds = async () =>
  (await db.prisma.member.findMany({ select: { platformUserId: true } })).map((m) => m.platformUserId).sort();

describe('people named in commands come from the platform', () => {
  it('refuses a plain name on Slack and makes no ghost member, so the last-admin check stays true', async () => {
    const before = await memberIds();
    const ghost = await slack.command(ADMIN, ['team', 'role'], { user: 'alex', role: 'admin' }, 'C0HARBOR1');
    expect(ghost.text()).toMatch(/I couldn't tell who 'alex' is\. Please mention them with @/);
    expect(await memberIds()).toEqual(before);
    const stepDown = await slack.command(
      ADMIN,
      ['team', 'role'],
      { user: `<@${ADMIN}>`, role: 'admin', remove: true },
      'C0HARBOR1',
    );
    expect(stepDown.text()).toMatch(/only admin/);
  });

  it('keeps Slack ids as Slack sends them: a lower-case id is not a person', async () => {
    const reply = await slack.command(
      ADMIN,
      ['team', 'role'],
      { user: '<@u0casey01>', role: 'member' },
      'C0HARBOR1',
    );
    expect(reply.text()).toMatch(/I couldn't tell who/);
    expect(await memberIds()).not.toContain('u0casey01');
  });

  it('asks Slack who a mention is, and refuses people it does not know, bots and deactivated accounts', async () => {
    for (const [user, answer] of [
      ['<@U0NOBODY1>', /couldn't find that person on Slack/],
      ['<@U0BOT0001>', /Standup bot is a bot or an app, not a person/],
      ['<@U0GONE001|former>', /account is deactivated/],
    ] as const) {
      const reply = await slack.command(ADMIN, ['team', 'role'], { user, role: 'supervisor' }, 'C0HARBOR1');
      expect(reply.text()).toMatch(answer);
    }
    expect(await memberIds()).not.toEqual(expect.arrayContaining(['U0NOBODY1']));
    expect(await memberIds()).not.toContain('U0BOT0001');
    expect(await memberIds()).not.toContain('U0GONE001');
  });

  it('makes a confirmed person a member under the name the platform gives', async () => {
    const reply = await slack.command(
      ADMIN,
      ['team', 'role'],
      { user: `<@${CASEY}|casey>`, role: 'supervisor' },
      'C0HARBOR1',
    );
    expect(reply.text()).toContain('Casey R is now a supervisor');
    const casey = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: CASEY } });
    expect(casey.displayName).toBe('Casey R');
  });

  it('never routes flags to a typed name: a supervisor must be a mention', async () => {
    const reply = await slack.command(
      ADMIN,
      ['team', 'supervisor'],
      { member: `<@${RIVER}>`, supervisor: 'bob' },
      'C0HARBOR1',
    );
    expect(reply.text()).toMatch(/I couldn't tell who 'bob' is/);
    expect(await db.prisma.supervisorAssignment.count()).toBe(0);
    expect(await memberIds()).not.toContain('bob');
  });

  it('reads Discord snowflakes and refuses plain names there too', async () => {
    const plain = await discord.command(
      DISCORD_ADMIN,
      ['team', 'role'],
      { user: '@sam', role: 'member' },
      '300000000000000001',
    );
    expect(plain.text()).toMatch(/pick them from the list Discord shows/);
    const tagged = await discord.command(
      DISCORD_ADMIN,
      ['team', 'role'],
      { user: `<@!${DISCORD_SAM}>`, role: 'supervisor' },
      '300000000000000001',
    );
    expect(tagged.text()).toContain('Sam is now a supervisor');
  });
});

describe('refused admin commands write nothing', () => {
  it('a non-admin naming someone creates no rows and does not even ask the platform', async () => {
    const lookups = slackPeople.lookups.length;
    const before = await memberIds();
    const reply = await slack.command(
      RIVER,
      ['team', 'role'],
      { user: `<@${CASEY}>`, role: 'admin' },
      'C0HARBOR1',
    );
    expect(reply.text()).toMatch(/Only this team's admins/);
    expect(await memberIds()).toEqual(before);
    expect(slackPeople.lookups.length).toBe(lookups);
  });

  it('a refused pairing leaves no member row for the person it named', async () => {
    const reply = await slack.command(
      ADMIN,
      ['team', 'supervisor'],
      { member: `<@${RIVER}>`, supervisor: `<@${ADMIN}>` },
      'C0HARBOR1',
    );
    expect(reply.text()).toMatch(/Ada is not a supervisor in this team yet/);
    expect(await memberIds()).not.toContain(RIVER);
  });

  it('refuses a NUL byte or a text-direction override in an option, plainly, and saves nothing', async () => {
    for (const name of ['Night\u0000shift', 'Harbor \u202Egnp.exe']) {
      const reply = await slack.command(ADMIN, ['setup'], { name }, 'C0HARBOR1');
      expect(reply.text()).toMatch(/`name`: it has an invisible control character in it/);
    }
    expect((await db.prisma.team.findFirstOrThrow({ where: { channelId: 'C0HARBOR1' } })).name).toBe(
      'Harbor',
    );
  });
});

describe('one channel, one team', () => {
  it('refuses a second team on a channel shared with another workspace', async () => {
    const grid = featureHarness(
      db.prisma,
      [
        createTeamsFeature({
          prisma: db.prisma,
          defaults: { timeZone: 'UTC', crisisRegion: 'US' },
          clientFor: clientsFor(slackPeople),
        }),
      ],
      { platform: 'slack', workspaceId: 'T0OTHER01' },
    );
    const reply = await grid.command('U0OUTSIDE', ['setup'], { name: 'Second' }, 'C0HARBOR1');
    expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
    expect(reply.text()).toMatch(/already has a peer team, set up from another workspace/);
    expect(await db.prisma.team.count({ where: { channelId: 'C0HARBOR1' } })).toBe(1);
  });
});
