import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/index.ts';
import { createTeamsFeature } from '../../../src/features/teams/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase } from '../../support/database.ts';

let db: Database;
let chat: ReturnType<typeof featureHarness>;

beforeAll(async () => {
  db = await clonedDatabase();
  const teams = createTeamsFeature({ prisma: db.prisma, defaults: { timeZone: 'UTC', crisisRegion: 'US' } });
  chat = featureHarness(db.prisma, [teams]);
});
afterAll(() => db.close());

describe('team set-up', () => {
  it('makes the channel a team, its caller the admin, and tells the channel', async () => {
    const reply = await chat.command('alex', ['setup'], {
      timezone: 'America/New_York',
      region: 'US',
      name: 'Harbor peers',
    });
    expect(reply.seen[0]?.how).toBe('publicly');
    expect(reply.text()).toContain('This channel is now the team "Harbor peers"');
    expect(reply.text()).toContain('America/New_York');
    const team = await db.prisma.team.findFirstOrThrow({
      where: { channelId: 'C-team' },
      include: { roles: { include: { member: true } } },
    });
    expect(team.roles.map((r) => `${r.member.platformUserId}:${r.role}`).sort()).toEqual([
      'alex:admin',
      'alex:member',
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: 'team.created', subjectId: team.id } })).toBe(1);
  });

  it('refuses, privately, a non-admin who tries to change the set-up', async () => {
    const reply = await chat.command('blake', ['setup'], { timezone: 'Europe/Berlin' });
    expect(reply.seen).toHaveLength(1);
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toMatch(/Only this team's admins/);
    expect((await db.prisma.team.findFirstOrThrow({ where: { channelId: 'C-team' } })).timeZone).toBe(
      'America/New_York',
    );
  });

  it('names a bad time zone in plain words and changes nothing', async () => {
    const reply = await chat.command('alex', ['setup'], { timezone: 'Europe/Berln' });
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toMatch(/Europe\/Berln/);
    expect(reply.text()).toMatch(/Europe\/Berlin/);
    expect((await db.prisma.team.findFirstOrThrow({ where: { channelId: 'C-team' } })).timeZone).toBe(
      'America/New_York',
    );
  });

  it('lets an admin change the set-up later, privately, and audits who changed what', async () => {
    const reply = await chat.command('alex', ['setup'], { region: 'us-tx' });
    expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
    expect(reply.text()).toContain('is updated');
    const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: 'C-team' } });
    expect(team.crisisRegion).toBe('US-TX');
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: 'team.updated', subjectId: team.id },
    });
    expect(audit.detail).toEqual({ changed: ['crisisRegion'] });
    await chat.command('alex', ['setup'], { region: 'US' });
  });

  it('lets the admin give roles and pair supervisors; others are refused', async () => {
    expect(
      (await chat.command('blake', ['team', 'role'], { user: '@casey', role: 'supervisor' })).text(),
    ).toMatch(/Only this team's admins/);
    expect(
      (await chat.command('alex', ['team', 'supervisor'], { member: '@blake', supervisor: '@casey' })).text(),
    ).toMatch(/not a supervisor in this team yet/);
    expect(
      (await chat.command('alex', ['team', 'role'], { user: '<@casey>', role: 'supervisor' })).text(),
    ).toContain('casey is now a supervisor');
    expect(
      (
        await chat.command('alex', ['team', 'supervisor'], {
          member: '@blake',
          supervisor: '@casey',
          kind: 'primary',
        })
      ).text(),
    ).toContain('casey is now the primary supervisor for blake');
    const overview = await chat.command('blake', ['team', 'show']);
    expect(overview.text()).toMatch(/blake \(member\) — primary: casey/);
    expect(
      await db.prisma.auditLog.count({ where: { action: { in: ['role.added', 'supervisor.assigned'] } } }),
    ).toBe(2);
  });

  it('keeps a team from losing its last admin', async () => {
    const reply = await chat.command('alex', ['team', 'role'], {
      user: '@alex',
      role: 'admin',
      remove: true,
    });
    expect(reply.text()).toMatch(/only admin/);
  });

  it('shows admin commands in help only to admins', async () => {
    const forAdmin = await chat.command('alex', ['help']);
    const forMember = await chat.command('blake', ['help']);
    expect(forAdmin.text()).toContain('/peer team role');
    expect(forMember.text()).not.toContain('/peer team role');
    expect(forMember.text()).toContain('/peer timezone');
  });
});

describe('personal settings', () => {
  it('sets a time zone and quiet hours, and privacy shows them', async () => {
    expect((await chat.command('blake', ['timezone'], { zone: 'Asia/Tokyo' })).text()).toContain(
      'Asia/Tokyo',
    );
    expect((await chat.command('blake', ['quiet-hours'], { hours: '21:00-07:00' })).text()).toMatch(
      /21:00.*07:00/,
    );
    const member = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'blake' } });
    // `/peer privacy` itself lives in features/privacy; these are the teams feature's lines in it.
    const lines = await createTeamsFeature({
      prisma: db.prisma,
      defaults: { timeZone: 'UTC', crisisRegion: 'US' },
    }).privacy?.(member.id);
    expect(lines).toContainEqual({ label: 'Time zone', value: 'Asia/Tokyo' });
    expect(lines).toContainEqual({ label: 'Quiet hours', value: '21:00-07:00' });
    expect([member.quietStart, member.quietEnd]).toEqual([21 * 60, 7 * 60]);
    expect((await chat.command('blake', ['quiet-hours'], { hours: 'off' })).text()).toMatch(
      /Quiet hours are off/,
    );
    expect((await chat.command('blake', ['quiet-hours'], { hours: 'late' })).seen[0]?.how).toBe('privately');
  });
});

describe('joining the team channel', () => {
  it('makes the newcomer a member and welcomes them by direct message', async () => {
    const reply = await chat.joined('dana');
    expect(reply.seen[0]?.how).toBe('privately');
    expect(reply.text()).toContain('Welcome to Harbor peers');
    const dana = await db.prisma.member.findFirstOrThrow({
      where: { platformUserId: 'dana' },
      include: { roles: true },
    });
    expect(dana.roles.map((r) => r.role)).toEqual(['member']);
  });

  it('stays silent for a channel that is not a team', async () => {
    expect((await chat.joined('erin', 'C-random')).seen).toEqual([]);
  });
});

describe('changes that must not half-happen', () => {
  const channel = 'C-second';

  it('never leaves a team without an admin, even when two admins step down at once', async () => {
    await chat.command('fern', ['setup'], { name: 'Second team' }, channel);
    await chat.command('fern', ['team', 'role'], { user: '@gus', role: 'admin' }, channel);
    const [fern, gus] = await Promise.all([
      chat.command('fern', ['team', 'role'], { user: '@fern', role: 'admin', remove: true }, channel),
      chat.command('gus', ['team', 'role'], { user: '@gus', role: 'admin', remove: true }, channel),
    ]);
    expect([fern.text(), gus.text()].filter((text) => /only admin/.test(text))).toHaveLength(1);
    const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
    expect(await db.prisma.teamRole.count({ where: { teamId: team.id, role: 'admin' } })).toBe(1);
  });

  /** A team of its own with `admin`, supervisor hana, and ivy paired with hana as primary. */
  async function teamWithPairing(teamChannel: string, admin: string): Promise<void> {
    await chat.command(admin, ['setup'], { name: `Team ${teamChannel}` }, teamChannel);
    await chat.command(admin, ['team', 'role'], { user: '@hana', role: 'supervisor' }, teamChannel);
    await chat.command(admin, ['team', 'supervisor'], { member: '@ivy', supervisor: '@hana' }, teamChannel);
  }

  it("ends a former supervisor's pairings with the role, so private flags stop reaching them", async () => {
    const admin = 'jo';
    const channel = 'C-third';
    await teamWithPairing(channel, admin);
    const reply = await chat.command(
      admin,
      ['team', 'role'],
      { user: '@hana', role: 'supervisor', remove: true },
      channel,
    );
    expect(reply.text()).toContain('hana is no longer a supervisor in this team.');
    expect(reply.text()).toContain('One member they supervised needs a new supervisor');
    const hana = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'hana' } });
    const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
    expect(
      await db.prisma.supervisorAssignment.count({ where: { teamId: team.id, supervisorId: hana.id } }),
    ).toBe(0);
  });

  it('asks for a different person as backup than the primary supervisor', async () => {
    const admin = 'kit';
    const channel = 'C-fourth';
    await teamWithPairing(channel, admin);
    const reply = await chat.command(
      admin,
      ['team', 'supervisor'],
      { member: '@ivy', supervisor: '@hana', kind: 'backup' },
      channel,
    );
    expect(reply.text()).toMatch(/hana is already ivy's primary supervisor\. Please pick someone else/);
    const ivy = await db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'ivy' } });
    const team = await db.prisma.team.findFirstOrThrow({ where: { channelId: channel } });
    expect(
      await db.prisma.supervisorAssignment.count({ where: { teamId: team.id, superviseeId: ivy.id } }),
    ).toBe(1);
  });
});
