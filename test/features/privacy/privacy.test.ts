import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { literal, markup } from '../../../src/chat/markup.ts';
import type { Database } from '../../../src/db/index.ts';
import { createFieldCipher } from '../../../src/db/index.ts';
import { enqueueOutbox } from '../../../src/scheduling/index.ts';
import { featureHarness } from '../../support/chat-harness.ts';
import { clonedDatabase, emptyDatabase } from '../../support/database.ts';
import { clientsFor, platformWorld } from '../../support/people.ts';
import { everyRowAsText, privacyFeatures, type SentFile } from './support.ts';

let db: Database;
let chat: ReturnType<typeof featureHarness>;
let files: SentFile[];
let featureNames: string[];

// Distinctive strings, so a sweep over every table can look for them.
const blake = 'Ublakeprivate7f3';
const blakeZone = 'Pacific/Chatham';

// The platform: who is a workspace admin, who is deactivated, who is in the team channel
// (a test may change who is in it; each test starts from this list again).
const channelMembers: Record<string, string[]> = {};
const platform = platformWorld(
  'shell',
  { alex: {}, [blake]: {}, carol: {}, dana: {}, erin: {}, wsa: { isWorkspaceAdmin: true } },
  channelMembers,
);

beforeAll(async () => {
  db = await clonedDatabase();
});

// Each test's world: an empty database with the team Harbor in #team, where blake (with a
// time zone and quiet hours of his own) supervises alex, and carol and dana are members.
beforeEach(async () => {
  await emptyDatabase(db);
  channelMembers['C-team'] = ['alex', blake, 'carol', 'dana', 'wsa'];
  const clientFor = clientsFor(platform);
  const app = privacyFeatures(db.prisma, undefined, clientFor);
  files = app.files;
  featureNames = app.features.filter((f) => f.personalData).map((f) => f.name);
  chat = featureHarness(db.prisma, app.features, { clientFor });
  await chat.command('alex', ['setup'], { name: 'Harbor' });
  await chat.joined(blake);
  await chat.command(blake, ['timezone'], { zone: blakeZone });
  await chat.command(blake, ['quiet-hours'], { hours: '21:00-07:00' });
  await chat.command('alex', ['team', 'role'], { user: `@${blake}`, role: 'supervisor' });
  await chat.command('alex', ['team', 'supervisor'], { member: '@alex', supervisor: `@${blake}` });
  await chat.joined('carol');
  await chat.joined('dana');
});
afterAll(() => db.close());

const memberId = async (userId: string) =>
  (await db.prisma.member.findFirstOrThrow({ where: { platformUserId: userId } })).id;

describe('/peer privacy', () => {
  it('shows every feature’s lines about the member, privately', async () => {
    const reply = await chat.command(blake, ['privacy']);
    expect(reply.seen.map((r) => r.how)).toEqual(['privately']);
    expect(reply.text()).toContain('What I store about you');
    expect(reply.text()).toContain(`Time zone: ${blakeZone}`);
    expect(reply.text()).toContain('Quiet hours: 21:00-07:00');
    expect(reply.text()).toMatch(/Teams: Harbor \((member, supervisor|supervisor, member)\)/);
    // Typed `/peer privacy show` is the same.
    expect((await chat.command(blake, ['privacy'], { action: 'show' })).text()).toContain(blakeZone);
  });

  it('exports every feature’s data as a JSON file in the member’s DM, and audits it', async () => {
    const reply = await chat.command(blake, ['privacy'], { action: 'export' });
    expect(reply.text()).toContain('sent you everything');
    const sent = files.at(-1)!;
    expect(sent.to.userId).toBe(blake);
    expect(sent.file.filename).toMatch(/^peerbridge-export-\d{4}-\d{2}-\d{2}\.json$/);
    const data = sent.json() as { format: string; features: Record<string, unknown>; audit: unknown[] };
    expect(data.format).toBe('peerbridge-export/1');
    expect(Object.keys(data.features).sort()).toEqual([...featureNames].sort());
    expect(JSON.stringify(data.features)).toContain(blakeZone);
    expect(data.features.teams).toMatchObject({
      member: { platformUserId: blake, timeZone: blakeZone, quietHours: '21:00-07:00' },
      supervisees: [{ team: 'Harbor', kind: 'primary', supervisee: 'alex' }],
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'privacy.exported' } });
    expect(audit).toMatchObject({ subjectId: await memberId(blake), actorMemberId: await memberId(blake) });
  });

  it('export, then erase after a confirmation, then export: nothing of theirs is left anywhere', async () => {
    const id = await memberId(blake);
    // A DM still queued for them (stored in the clear here, so the sweep would see it): erasing takes it too.
    await enqueueOutbox(db.prisma, createFieldCipher(Buffer.alloc(32, 7)), {
      idempotencyKey: `test:${blake}`,
      platform: 'shell',
      workspaceExternalId: 'local',
      target: { kind: 'dm', userId: blake },
      recipientMemberId: id,
      view: { text: markup`${literal('private words for blake')}`, blocks: [] },
    });
    const before = (await everyRowAsText(db.prisma)).filter((r) => r.row.includes(blake));
    expect(before.length).toBeGreaterThan(1);

    const asked = await chat.command(blake, ['privacy'], { action: 'erase' });
    expect(asked.text()).toContain('Erase your data?');
    expect(await db.prisma.member.count({ where: { platformUserId: blake } })).toBe(1);
    const kept = await chat.action(blake, 'privacy:keep');
    expect(kept.text()).toContain('Nothing was erased');
    // Someone else pressing the button gets nothing erased.
    expect((await chat.action('alex', 'privacy:erase', id)).text()).toContain(
      'Only an admin of this workspace',
    );

    const done = await chat.action(blake, 'privacy:erase', id);
    expect(done.seen.map((r) => r.how)).toEqual(['update']);
    expect(done.text()).toContain('your data is erased');

    const again = await chat.command(blake, ['privacy'], { action: 'export' });
    expect(again.text()).toContain('I don’t keep anything about you');
    const shown = await chat.command(blake, ['privacy']);
    expect(shown.text()).not.toContain(blakeZone);

    const left = (await everyRowAsText(db.prisma)).filter(
      (r) => r.row.includes(blake) || r.row.includes(blakeZone) || r.row.includes('private words'),
    );
    expect(left).toEqual([]);
    // Anonymous: the row the audit log points at has no name, id or settings any more.
    expect(await db.prisma.member.findUniqueOrThrow({ where: { id } })).toMatchObject({
      displayName: 'Former member',
      timeZone: null,
      quietStart: null,
    });
    const erased = await db.prisma.auditLog.findFirstOrThrow({ where: { action: 'privacy.erased' } });
    expect(erased).toMatchObject({ subjectId: id, actorMemberId: null, detail: { byAdmin: false } });
    // The team (and its admin) are untouched.
    expect(await db.prisma.teamRole.count({ where: { memberId: await memberId('alex') } })).toBe(2);
  });
});

describe('someone else’s data', () => {
  it('is never exported to anyone but its subject, whatever their role', async () => {
    for (const asker of ['dana', 'alex', 'wsa']) {
      const before = files.length;
      const reply = await chat.command(asker, ['privacy'], { action: 'export', member: '@carol' });
      expect(reply.text()).toContain('An export goes only to the person it is about');
      expect(files.length).toBe(before);
    }
    expect((await chat.command('alex', ['privacy'], { member: 'not a mention!' })).text()).toContain(
      "couldn't tell who",
    );
  });

  it('cannot be erased by a team admin, even of a team of their own making', async () => {
    // Attack 1: a channel of one's own makes a team admin, and nothing more.
    await chat.command('dana', ['setup'], { name: 'Mine' }, 'C-mine');
    const carol = await memberId('carol');
    await chat.command('alex', ['team', 'role'], { user: '@carol', role: 'member', remove: true });
    for (const asker of ['dana', 'alex']) {
      const asked = await chat.command(asker, ['privacy'], { action: 'erase', member: '@carol' }, 'C-mine');
      expect(asked.text()).toContain('Only an admin of this workspace');
      expect((await chat.action(asker, 'privacy:erase', carol)).text()).toContain(
        'Only an admin of this workspace',
      );
    }
    expect(await db.prisma.member.findUniqueOrThrow({ where: { id: carol } })).toMatchObject({
      displayName: 'carol',
    });
  });

  it('is erased by a workspace admin only once the platform says the person left, audited', async () => {
    const carol = await memberId('carol');
    const still = await chat.command('wsa', ['privacy'], { action: 'erase', member: '@carol' });
    expect(still.text()).toContain('carol is still in one of this workspace');
    // Carol leaves the team channel: now the platform says she is in no team channel.
    channelMembers['C-team'] = (channelMembers['C-team'] ?? []).filter((u) => u !== 'carol');
    const exportsBefore = files.length;
    const asked = await chat.command('wsa', ['privacy'], { action: 'erase', member: '@carol' });
    expect(asked.text()).toContain('Erase carol’s data?');
    const done = await chat.action('wsa', 'privacy:erase', carol);
    expect(done.text()).toContain('carol’s data is erased');
    expect(files.length).toBe(exportsBefore);
    const wsa = await memberId('wsa');
    const audit = await db.prisma.auditLog.findMany({
      where: { subjectId: carol, action: { startsWith: 'privacy.' } },
    });
    expect(audit.map((a) => [a.action, a.actorMemberId, (a.detail as { byAdmin: boolean }).byAdmin])).toEqual(
      [['privacy.erased', wsa, true]],
    );
    expect((await everyRowAsText(db.prisma)).filter((r) => r.row.includes('"carol"'))).toEqual([]);
  });
});
