import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/chat/markup.ts';
import type { Database } from '../../../src/db/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { english } from '../../../src/i18n/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase } from '../../support/database.ts';
import { clientsFor, shellPeople } from '../../support/people.ts';

let db: Database;
let chat: ReturnType<typeof featureHarness>;

beforeAll(async () => {
  db = await clonedDatabase();
  const teams = createTeamsFeature({
    prisma: db.prisma,
    defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    clientFor: clientsFor(shellPeople),
  });
  chat = featureHarness(db.prisma, [teams]);
});
afterAll(() => db.close());

// Every test has its own channel and its own people, so any test runs alone (`-t`) and no test
// sees another's team, members or audit rows.
let made = 0;
/** A name no other test uses: `casey` -> `casey7`. */
const someone = (name: string): string => `${name}${++made}`;

interface TestTeam {
  readonly channel: string;
  readonly admin: string;
  readonly teamId: string;
}

/** A team of its own, set up by its own admin (who is also a member). */
async function aTeam(
  options: { name?: string; timezone?: string; region?: string } = {},
  admin = someone('alex'),
): Promise<TestTeam> {
  const channel = `C-${someone('team')}`;
  const reply = await chat.command(
    admin,
    ['setup'],
    { name: options.name ?? `Team ${channel}`, ...options },
    channel,
  );
  expect(reply.text()).toContain('This channel is now the team');
  const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
  return { channel, admin, teamId: team.id };
}

/** Audit rows written by this member (every test's admin is its own). */
async function auditedBy(userId: string, actions: readonly string[]): Promise<number> {
  const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: userId } });
  return db.prisma.auditLog.count({ where: { actorMemberId: member.id, action: { in: [...actions] } } });
}

const timeZoneOf = async (channel: string) =>
  (await db.prisma.team.findFirstOrThrow({ where: { channelId: channel } })).timeZone;

describe('team set-up', () => {
  it('makes the channel a team, its caller the admin, and tells the channel', async () => {
    const admin = someone('alex');
    const channel = `C-${someone('team')}`;
    const reply = await chat.command(
      admin,
      ['setup'],
      { timezone: 'America/New_York', region: 'US', name: 'Harbor peers' },
      channel,
    );
    expect(reply.seen[0]?.how).toBe('publicly');
    expect(reply.text()).toContain('This channel is now the team "Harbor peers"');
    // As every renderer reads it: the zone is the person's text, escaped in the markup.
    expect(toPlainText(reply.text())).toContain('America/New_York');
    const team = await db.prisma.team.findFirstOrThrow({
      where: { channelId: channel },
      include: { roles: { include: { member: true } } },
    });
    expect(team.roles.map((r) => `${r.member.platformUserId}:${r.role}`).sort()).toEqual([
      `${admin}:admin`,
      `${admin}:member`,
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: 'team.created', subjectId: team.id } })).toBe(1);
  });

  it('refuses, privately, a non-admin who tries to change the set-up', async () => {
    const { channel } = await aTeam({ timezone: 'America/New_York' });
    const reply = await chat.command(someone('blake'), ['setup'], { timezone: 'Europe/Berlin' }, channel);
    expect(reply.seen).toHaveLength(1);
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toMatch(/Only this team's admins/);
    expect(await timeZoneOf(channel)).toBe('America/New_York');
  });

  it('names a bad time zone in plain words and changes nothing', async () => {
    const { channel, admin } = await aTeam({ timezone: 'America/New_York' });
    const reply = await chat.command(admin, ['setup'], { timezone: 'Europe/Berln' }, channel);
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toMatch(/Europe\/Berln/);
    expect(reply.text()).toMatch(/Europe\/Berlin/);
    expect(await timeZoneOf(channel)).toBe('America/New_York');
  });

  it('lets an admin change the set-up later, privately, and audits who changed what', async () => {
    const { channel, admin, teamId } = await aTeam({ region: 'US' });
    const reply = await chat.command(admin, ['setup'], { region: 'us-tx' }, channel);
    expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
    expect(reply.text()).toContain('is updated');
    const team = await db.prisma.team.findFirstOrThrow({ where: { id: teamId } });
    expect(team.crisisRegion).toBe('US-TX');
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'team.updated', subjectId: teamId },
    });
    expect(audit.detail).toEqual({ changed: ['crisisRegion'] });
  });

  it('lets the admin give roles and pair supervisors; others are refused', async () => {
    const { channel, admin } = await aTeam();
    const blake = someone('blake');
    const casey = someone('casey');
    await chat.joined(blake, channel);
    expect(
      (
        await chat.command(blake, ['team', 'role'], { user: `@${casey}`, role: 'supervisor' }, channel)
      ).text(),
    ).toMatch(/Only this team's admins/);
    expect(
      (
        await chat.command(
          admin,
          ['team', 'supervisor'],
          { member: `@${blake}`, supervisor: `@${casey}` },
          channel,
        )
      ).text(),
    ).toMatch(/not a supervisor in this team yet/);
    expect(
      (
        await chat.command(admin, ['team', 'role'], { user: `<@${casey}>`, role: 'supervisor' }, channel)
      ).text(),
    ).toContain(`${casey} is now a supervisor`);
    expect(
      (
        await chat.command(
          admin,
          ['team', 'supervisor'],
          { member: `@${blake}`, supervisor: `@${casey}`, kind: 'primary' },
          channel,
        )
      ).text(),
    ).toContain(`${casey} is now the primary supervisor for ${blake}`);
    const overview = await chat.command(blake, ['team', 'show'], {}, channel);
    expect(overview.text()).toContain(`${blake} (member) — primary: ${casey}`);
    expect(await auditedBy(admin, ['role.added', 'supervisor.assigned'])).toBe(2);
  });

  it('keeps a team from losing its last admin', async () => {
    const { channel, admin } = await aTeam();
    const reply = await chat.command(
      admin,
      ['team', 'role'],
      { user: `@${admin}`, role: 'admin', remove: true },
      channel,
    );
    expect(reply.text()).toMatch(/only admin/);
  });

  it('shows admin commands in help only to admins', async () => {
    const { channel, admin } = await aTeam();
    const member = someone('blake');
    await chat.joined(member, channel);
    const forAdmin = await chat.command(admin, ['help'], {}, channel);
    const forMember = await chat.command(member, ['help'], {}, channel);
    expect(forAdmin.text()).toContain('/peer team role');
    expect(forMember.text()).not.toContain('/peer team role');
    expect(forMember.text()).toContain('/peer timezone');
  });
});

describe('personal settings', () => {
  it('sets a time zone and quiet hours, and privacy shows them', async () => {
    const { channel } = await aTeam();
    const blake = someone('blake');
    await chat.joined(blake, channel);
    expect((await chat.command(blake, ['timezone'], { zone: 'Asia/Tokyo' }, channel)).text()).toContain(
      'Asia/Tokyo',
    );
    expect((await chat.command(blake, ['quiet-hours'], { hours: '21:00-07:00' }, channel)).text()).toMatch(
      /21:00.*07:00/,
    );
    const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: blake } });
    // `/peer privacy` itself lives in features/privacy; these are the teams feature's lines in it.
    const lines = await createTeamsFeature({
      prisma: db.prisma,
      defaults: { timeZone: 'UTC', crisisRegion: 'US' },
      clientFor: clientsFor(shellPeople),
    }).privacy?.(member.id, english);
    expect(lines).toContainEqual({ label: 'Time zone', value: 'Asia/Tokyo' });
    expect(lines).toContainEqual({ label: 'Quiet hours', value: '21:00-07:00' });
    expect([member.quietStart, member.quietEnd]).toEqual([21 * 60, 7 * 60]);
    expect((await chat.command(blake, ['quiet-hours'], { hours: 'off' }, channel)).text()).toMatch(
      /Quiet hours are off/,
    );
    expect((await chat.command(blake, ['quiet-hours'], { hours: 'late' }, channel)).seen[0]?.how).toBe(
      'privately',
    );
  });
});

describe('joining the team channel', () => {
  it('makes the newcomer a member and welcomes them by direct message', async () => {
    const { channel } = await aTeam({ name: 'Harbor peers' });
    const dana = someone('dana');
    const reply = await chat.joined(dana, channel);
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toContain('Welcome to Harbor peers');
    const member = await db.prisma.member.findFirstOrThrow({
      where: { platformUserId: dana },
      include: { roles: true },
    });
    expect(member.roles.map((r) => r.role)).toEqual(['member']);
  });

  it('stays silent for a channel that is not a team', async () => {
    expect((await chat.joined(someone('erin'), `C-${someone('random')}`)).seen).toEqual([]);
  });
});

describe('changes that must not half-happen', () => {
  it('never leaves a team without an admin, even when two admins step down at once', async () => {
    const { channel, admin: fern, teamId } = await aTeam({ name: 'Second team' });
    const gus = someone('gus');
    await chat.command(fern, ['team', 'role'], { user: `@${gus}`, role: 'admin' }, channel);
    const [fernSays, gusSays] = await Promise.all([
      chat.command(fern, ['team', 'role'], { user: `@${fern}`, role: 'admin', remove: true }, channel),
      chat.command(gus, ['team', 'role'], { user: `@${gus}`, role: 'admin', remove: true }, channel),
    ]);
    expect([fernSays.text(), gusSays.text()].filter((text) => /only admin/.test(text))).toHaveLength(1);
    expect(await db.prisma.teamRole.count({ where: { teamId, role: 'admin' } })).toBe(1);
  });

  /** A team of its own with supervisor hana, and ivy paired with hana as primary. */
  async function teamWithPairing() {
    const team = await aTeam();
    const hana = someone('hana');
    const ivy = someone('ivy');
    await chat.command(team.admin, ['team', 'role'], { user: `@${hana}`, role: 'supervisor' }, team.channel);
    await chat.command(
      team.admin,
      ['team', 'supervisor'],
      { member: `@${ivy}`, supervisor: `@${hana}` },
      team.channel,
    );
    return { ...team, hana, ivy };
  }

  it("ends a former supervisor's pairings with the role, so private flags stop reaching them", async () => {
    const { channel, admin, teamId, hana } = await teamWithPairing();
    const reply = await chat.command(
      admin,
      ['team', 'role'],
      { user: `@${hana}`, role: 'supervisor', remove: true },
      channel,
    );
    expect(reply.text()).toContain(`${hana} is no longer a supervisor in this team.`);
    expect(reply.text()).toContain('One member they supervised needs a new supervisor');
    const supervisor = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: hana } });
    expect(
      await db.prisma.supervisorAssignment.count({ where: { teamId, supervisorId: supervisor.id } }),
    ).toBe(0);
  });

  it('asks for a different person as backup than the primary supervisor', async () => {
    const { channel, admin, teamId, hana, ivy } = await teamWithPairing();
    const reply = await chat.command(
      admin,
      ['team', 'supervisor'],
      { member: `@${ivy}`, supervisor: `@${hana}`, kind: 'backup' },
      channel,
    );
    expect(reply.text()).toContain(
      `${hana} is already ${ivy}'s primary supervisor. Please pick someone else`,
    );
    const supervisee = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: ivy } });
    expect(
      await db.prisma.supervisorAssignment.count({ where: { teamId, superviseeId: supervisee.id } }),
    ).toBe(1);
  });
});
