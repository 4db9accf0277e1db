// More of what a team does on Slack, on Mattermost against the fake server: a supervision
// series with an RSVP by button (the post patched with the new count), `/peer find crisis`
// answered privately with the region's crisis lines first, and a privacy export arriving as a
// JSON file in the person's direct channel, never in the team's.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionsOf } from '../../fakes/mattermost/index.ts';
import { type DatabaseSnapshot, restoreDatabase, snapshotDatabase } from '../../support/database.ts';
import { outboxBusy, untilIdle } from '../../support/idle.ts';
import { type MattermostWorldUnderTest, startMattermostApp } from './support.ts';

const WAIT = 30_000;
let world: MattermostWorldUnderTest;
/** The database just after the set-up below: each test starts from it. */
let setUp: DatabaseSnapshot;

// One fake Mattermost and one app for the file (starting them is most of a short test's time),
// with Harbor set up in town square and Sam its supervisor. Before each test the database goes
// back to just after that set-up, so no test sees another's rows; the fake keeps its posts, and
// each test waits only for posts its own steps make (other people, words or channels).
beforeAll(async () => {
  world = await startMattermostApp({
    before: (fake) => {
      for (const name of ['sam', 'riley']) fake.world.user(name);
    },
  });
  const { fake } = world;
  expect((await fake.slash('sam', 'setup name:Harbor timezone:Europe/Berlin region:US-TX')).status).toBe(200);
  await fake.waitForPost((p) => p.message.includes('now the team'), 'set-up', WAIT);
  await fake.slash('sam', 'team role user:@sam role:supervisor');
  await fake.waitForPost((p) => p.message.includes('is now a supervisor'), 'role', WAIT);
  // Nothing of the set-up left to send, so no test starts with a row due.
  await untilIdle(
    { busy: outboxBusy(world.app.storage.db.prisma), activity: () => world.fake.calls.size },
    { pollMs: 20, timeoutMs: WAIT },
  );
  setUp = await snapshotDatabase(world.app.storage.db);
}, 120_000);
beforeEach(async () => {
  // A send the test before left in flight may still land in the fake (in a channel, or with
  // words, no other test waits for); its row is gone, and the set-up's rows are all sent.
  await restoreDatabase(world.app.storage.db, setUp);
});
afterAll(async () => {
  await world?.stop();
});

const channel = () => world.fake.world.townSquare.id;

describe('journeys on Mattermost', { timeout: 120_000 }, () => {
  it('plans a supervision series and takes an RSVP by button', async () => {
    const { fake, app } = world;
    await fake.slash(
      'sam',
      'supervision new title:"Group supervision" date:2030-03-04 time:18:00 length:90 timezone:Europe/Berlin count:3',
    );
    const confirmed = await fake.waitForPost(
      (p) => p.message.includes('is planned: 3 sessions'),
      'planned',
      WAIT,
    );
    expect(confirmed.ephemeralFor).toBe(fake.world.user('sam').id);
    const post = await fake.waitForPost(
      (p) =>
        p.channel_id === channel() && !p.ephemeralFor && actionsOf(p).some((a) => a.name.startsWith('Going')),
      'the session post with RSVP buttons',
      WAIT,
    );
    expect(post.message).toContain('Going 0');
    const going = actionsOf(post).find((a) => a.name.startsWith('Going'))?.name ?? '';
    expect((await fake.press('riley', post.id, going)).status).toBe(200);
    await fake.waitForPost(
      (p) => p.id === post.id && p.message.includes('Going 1'),
      'the patched count',
      WAIT,
    );
    const session = await app.storage.db.prisma.supervisionSession.findFirstOrThrow({
      orderBy: { startsAt: 'asc' },
    });
    expect(
      await app.storage.db.prisma.rsvp.count({ where: { sessionId: session.id, response: 'yes' } }),
    ).toBe(1);
  });

  it("answers /peer find crisis privately, the region's crisis lines first", async () => {
    const { fake } = world;
    await fake.slash('riley', 'find crisis');
    const answer = await fake.waitForPost(
      (p) => p.message.includes('Crisis lines for US-TX'),
      'crisis lines',
      WAIT,
    );
    expect(answer.ephemeralFor).toBe(fake.world.user('riley').id);
    expect(answer.message.indexOf('988 Suicide')).toBeGreaterThan(
      answer.message.indexOf('Crisis lines for US-TX'),
    );
  });

  it('welcomes someone added to the team channel (the WebSocket user_added) by direct message', async () => {
    const { fake } = world;
    fake.addToChannel('noor', channel());
    const welcome = await fake.waitForPost(
      (p) =>
        p.channel_id === fake.dmChannelOf('noor') && actionsOf(p).some((a) => a.name === 'Flag privately'),
      'the welcome',
      WAIT,
    );
    expect(welcome.ephemeralFor).toBeUndefined();
    // Its Flag privately button opens the flag dialog for noor.
    expect((await fake.press('noor', welcome.id, 'Flag privately')).status).toBe(200);
    const dialog = await fake.waitForDialog('noor', 0, WAIT).catch(async () => {
      const button = await fake.waitForPost(
        (p) => p.message.includes('is ready for you'),
        'the form button',
        WAIT,
      );
      await fake.press('noor', button.id, 'Open the form');
      return fake.waitForDialog('noor', 0, WAIT);
    });
    expect(dialog.dialog.callback_id).toBe('flags:submit');
  });

  it('sends a privacy export as a JSON file in the direct channel, and nothing of it in the team channel', async () => {
    const { fake } = world;
    // Riley is on the team, so there is something about them to export.
    await fake.slash('sam', 'team role user:@riley role:member');
    await fake.waitForPost((p) => p.message.includes('is now a member'), 'role', WAIT);
    const before = fake.world.files.size;
    await fake.slash('riley', 'privacy export');
    const dm = fake.dmChannelOf('riley');
    const filePost = await fake.waitForPost(
      (p) => p.channel_id === dm && (p.file_ids?.length ?? 0) > 0,
      'export file',
      WAIT,
    );
    expect(fake.world.files.size).toBe(before + 1);
    const file = fake.world.files.get(filePost.file_ids?.[0] ?? '');
    expect(file?.name).toMatch(/\.json$/);
    const data = JSON.parse(new TextDecoder().decode(file?.bytes)) as Record<string, unknown>;
    expect(JSON.stringify(data)).toContain(fake.world.user('riley').id);
    const inChannel = fake.posted
      .all()
      .filter((p) => p.channel_id === channel() && (p.file_ids?.length ?? 0) > 0);
    expect(inChannel).toEqual([]);
  });
});
