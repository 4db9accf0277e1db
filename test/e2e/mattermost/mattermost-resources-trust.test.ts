// Resources on Mattermost, through the real @mattermost/client against the fake server: files
// sent to the bot in a direct message are imported (metadata.files on the posted event, the
// bytes from GET /files/{id} with the bot token, fetched only when the feature asks), with the
// same caps as on Slack; and issue 20's attacks 2 and 3 replayed here.
// Attack 2: a self-made team admin (setup in a channel of her own) cannot rewrite the shared
// crisis lines: no Edit or Retire for her, a press made up with a valid MAC is still refused by
// the feature, a dialog opened for someone else cannot be submitted by her; only a workspace
// admin (system_admin) changes a line, and that makes this workspace's copy, saying who and when;
// another Mattermost team (another workspace) keeps the shared line.
// Attack 3: a small zip that unpacks to about 180 MB is refused with the limit named, and the
// bot answers the next command.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { actionKey, signAction } from '../../../src/adapters/mattermost/action-mac.ts';
import { writeZip } from '../../../src/features/resources/formats/zip.ts';
import type { FakePost, FakePostAction, FakeUser } from '../../fakes/mattermost/index.ts';
import { badCsv } from '../../features/resources/fixtures/bad-import.ts';
import { type MattermostWorldUnderTest, MM_TOKEN, shown, startMattermostApp } from './support.ts';
import { answerForm } from './support-journeys.ts';

const WAIT = 30_000;
const importedIds = ['tx-warmline', 'gb-listening'];
let world: MattermostWorldUnderTest;
let malloryChannel = '';
let otherChannel = '';

beforeAll(async () => {
  world = await startMattermostApp({
    before: (fake) => {
      fake.world.user('wanda').roles = 'system_user system_admin';
      for (const name of ['sam', 'mallory']) fake.world.user(name);
      const mine = fake.world.addChannel(fake.world.team.id, 'mallory-room');
      malloryChannel = mine.id;
      for (const id of [fake.world.bot.id, fake.world.user('mallory').id])
        fake.world.joinChannel(mine.id, id);
      // Another Mattermost team is another workspace: otto is in it alone (with the bot).
      const other = fake.world.addTeam('elsewhere');
      const otto = fake.world.addUser('otto');
      fake.world.team.members.delete(otto.id);
      const room = fake.world.addChannel(other.id, 'lobby');
      otherChannel = room.id;
      for (const id of [fake.world.bot.id, otto.id]) fake.world.joinChannel(room.id, id);
    },
  });
  const { fake } = world;
  expect((await fake.slash('sam', 'setup region:US name:"Peers"')).status).toBe(200);
  await fake.waitForPost((p) => p.message.includes('now the team'), 'set-up', WAIT);
  expect(
    (await fake.slash('mallory', 'setup region:US name:"Mine"', { channelId: malloryChannel })).status,
  ).toBe(200);
  await fake.waitForPost(
    (p) => p.channel_id === malloryChannel && p.message.includes('now the team'),
    "mallory's set-up",
    WAIT,
  );
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

// Each test starts with no import and no workspace copy, whatever ran before it.
beforeEach(async () => {
  const prisma = world.app.storage.db.prisma;
  await prisma.resource.deleteMany({ where: { id: { in: importedIds } } });
  await prisma.resource.deleteMany({ where: { replacesId: { not: null } } });
});

const prisma = () => world.app.storage.db.prisma;
const who = (name: string): FakeUser => world.fake.world.user(name);

/** The next post (made after this call) that `name` alone sees, saying `words`. */
function nextPrivate(name: string, words: string) {
  const { fake } = world;
  const from = fake.posted.size;
  const dm = fake.dmChannelOf(name);
  return (timeoutMs = WAIT) =>
    fake.waitForPost(
      (p) =>
        fake.posted.all().indexOf(p) >= from &&
        (p.ephemeralFor === who(name).id || (p.channel_id === dm && !p.ephemeralFor)) &&
        shown(p).includes(words),
      `${name} told "${words}"`,
      timeoutMs,
    );
}

async function find(words: string, name: string, channelId?: string): Promise<FakePost> {
  const answer = nextPrivate(name, `for “${words}”`);
  expect((await world.fake.slash(name, `find ${words}`, channelId ? { channelId } : {})).status).toBe(200);
  return answer();
}

/** The Edit button of this entry (each result has its own, all named Edit). */
const editOf =
  (id: string) =>
  (action: FakePostAction): boolean =>
    action.name === 'Edit' && action.integration?.context?.v === id;

const actionUrl = () => `http://127.0.0.1:${world.port}/mattermost/action`;

/** A press made up by someone holding the action key: the strongest forger there is. */
const signedPress = (name: string, actionId: string, value: string, channelId: string) =>
  world.fake.forgedPress(
    actionUrl(),
    { ...signAction(actionKey(undefined, MM_TOKEN), { actionId, value }) },
    name,
    channelId,
  );

const editAnswers = {
  title: '988 Suicide & Crisis Lifeline',
  category: 'crisis-line',
  summary: 'Call or text 988, any time. Our org: ask for the Spanish line if you prefer.',
  contacts: 'phone: 988\ntext: 988\nweb: https://988lifeline.org',
  regions: 'US',
  hours: '24/7',
  tags: 'suicide, crisis',
  source: 'https://988lifeline.org',
};

describe('attack 2 on Mattermost: a self-made team admin cannot rewrite the shared crisis lines', () => {
  it('shows her no Edit or Retire, refuses signed presses and a dialog opened for someone else', async () => {
    const { fake } = world;
    const shared988 = await prisma().resource.findUniqueOrThrow({ where: { id: 'us-988-lifeline' } });
    const results = await find('lifeline', 'mallory', malloryChannel);
    expect(shown(results)).toContain('988 Suicide');
    expect(results.ephemeralFor).toBe(who('mallory').id);
    expect(shown(results)).not.toMatch(/\bEdit\b|\bRetire\b/);

    // Without a MAC the press never reaches the feature.
    expect(
      (
        await fake.forgedPress(
          actionUrl(),
          { a: 'resources:edit', v: 'us-988-lifeline' },
          'mallory',
          malloryChannel,
        )
      ).status,
    ).toBe(401);
    // With a valid MAC it does, and the feature refuses it.
    const refusedEdit = nextPrivate(
      'mallory',
      'Crisis lines can be changed only by an admin of this workspace',
    );
    expect((await signedPress('mallory', 'resources:edit', 'us-988-lifeline', malloryChannel)).status).toBe(
      200,
    );
    await refusedEdit();
    const refusedRetire = nextPrivate(
      'mallory',
      'Crisis lines can be changed only by an admin of this workspace',
    );
    expect(
      (await signedPress('mallory', 'resources:retire', 'us-veterans-crisis-line', malloryChannel)).status,
    ).toBe(200);
    await refusedRetire();
    expect(fake.world.dialogs.filter((d) => d.user_id === who('mallory').id)).toEqual([]);

    // An edit dialog opened for wanda (a workspace admin), submitted as mallory: not hers.
    const forWanda = await find('lifeline', 'wanda');
    expect(shown(forWanda)).toContain('Edit');
    const opened = fake.world.dialogs.filter((d) => d.user_id === who('wanda').id).length;
    const button = nextPrivate('wanda', 'is ready for you');
    expect((await fake.press('wanda', forWanda.id, editOf('us-988-lifeline'))).status).toBe(200);
    // The dialog at once, or (the trigger gone stale on a busy machine) through its button.
    const dialog = await fake.waitForDialog('wanda', opened, 5_000).catch(async () => {
      await fake.press('wanda', (await button()).id, 'Open the form');
      return fake.waitForDialog('wanda', opened, WAIT);
    });
    expect(dialog.dialog.callback_id).toBe('resources:edit-form');
    const unmatched = nextPrivate('mallory', "I couldn't match that form");
    expect(
      (
        await fake.submitDialog(
          { ...dialog, user_id: who('mallory').id, channel_id: malloryChannel },
          { ...editAnswers, contacts: 'phone: 1-900-555-0100' },
        )
      ).status,
    ).toBe(200);
    await unmatched();

    expect(await prisma().resource.findUniqueOrThrow({ where: { id: 'us-988-lifeline' } })).toEqual(
      shared988,
    );
    expect(await prisma().resource.count({ where: { replacesId: { not: null } } })).toBe(0);
    expect(
      (await prisma().resource.findUniqueOrThrow({ where: { id: 'us-veterans-crisis-line' } })).archivedAt,
    ).toBeNull();

    // Another workspace gets the real lines.
    const elsewhere = shown(await find('crisis', 'otto', otherChannel));
    expect(elsewhere).toContain('988 Suicide');
    expect(elsewhere).toContain('Veterans Crisis Line');
    expect(elsewhere).not.toContain('1-900-555-0100');
  });

  it('a workspace admin’s edit of 988 makes this workspace’s copy, saying who and when; another team keeps the shared line', async () => {
    const { fake } = world;
    const results = await find('lifeline', 'wanda');
    const thanks = nextPrivate('wanda', 'for this workspace');
    await answerForm(fake, 'wanda', results, editOf('us-988-lifeline'), editAnswers);
    await thanks();
    const copy = await prisma().resource.findFirstOrThrow({ where: { replacesId: 'us-988-lifeline' } });
    expect(copy).toMatchObject({ editedBy: 'wanda', teamId: null, summary: editAnswers.summary });
    const today = copy.editedAt?.toISOString().slice(0, 10);
    expect(
      (await prisma().resource.findUniqueOrThrow({ where: { id: 'us-988-lifeline' } })).summary,
    ).not.toBe(editAnswers.summary);

    const here = shown(await find('crisis', 'mallory', malloryChannel));
    expect(here).toContain('Our org: ask for the Spanish line');
    expect(here).toContain(`Edited in this workspace by wanda on ${today}`);
    expect(here.split('988 Suicide').length - 1).toBe(1);
    const elsewhere = shown(await find('crisis', 'otto', otherChannel));
    expect(elsewhere).toContain('988 Suicide');
    expect(elsewhere).not.toContain('Our org');
    expect(elsewhere).not.toContain('Edited in this workspace');
  });
});

describe('resource imports from a file sent in a Mattermost direct message', () => {
  const imported = () => prisma().resource.count({ where: { id: { in: importedIds } } });
  const downloaded = (post: FakePost) =>
    world.fake.fileDownloads.filter((id) => (post.file_ids ?? []).includes(id));

  it('reports an admin’s file row by row with nothing written; the button imports the good rows', async () => {
    const { fake } = world;
    const report = nextPrivate('wanda', 'row(s) need a change');
    const sent = fake.directMessage('wanda', 'here you go', [
      { name: 'team-list.csv', bytes: badCsv, mimeType: 'text/csv' },
    ]);
    const answer = await report();
    expect(answer.channel_id).toBe(fake.dmChannelOf('wanda'));
    expect(downloaded(sent)).toHaveLength(1);
    for (const where of ['line 3', 'line 4', 'line 5', 'line 7']) expect(shown(answer)).toContain(where);
    expect(await imported()).toBe(0);

    const done = nextPrivate('wanda', 'Imported: 2 added');
    expect((await fake.press('wanda', answer.id, 'Import the 2 good rows')).status).toBe(200);
    await done();
    expect(await imported()).toBe(2);
  });

  it('imports the good rows at once when the message says "good rows only"', async () => {
    const done = nextPrivate('wanda', 'Imported: 2 added');
    world.fake.directMessage('wanda', 'good rows only please', [{ name: 'list.csv', bytes: badCsv }]);
    await done();
    expect(await imported()).toBe(2);
  });

  it('refuses a member’s file kindly and never downloads it', async () => {
    const refused = nextPrivate('sam', 'Only an admin of this workspace can import resources');
    const sent = world.fake.directMessage('sam', '', [{ name: 'from-sam.csv', bytes: badCsv }]);
    await refused();
    expect(downloaded(sent)).toEqual([]);
    expect(await imported()).toBe(0);
  });

  it('refuses a file over 10 MB with the limit named, without downloading it', async () => {
    const refused = nextPrivate('wanda', 'I can take files up to 10 MB');
    const sent = world.fake.directMessage('wanda', '', [
      { name: 'huge.json', bytes: '[]', size: 25 * 1024 * 1024 },
    ]);
    await refused();
    expect(downloaded(sent)).toEqual([]);
  });

  it('refuses two files at once, and a kind of file it cannot read', async () => {
    const one = nextPrivate('wanda', 'Please send one file at a time');
    world.fake.directMessage('wanda', '', [
      { name: 'a.csv', bytes: badCsv },
      { name: 'b.csv', bytes: badCsv },
    ]);
    await one();
    const kind = nextPrivate('wanda', 'I can’t read notes.docx');
    world.fake.directMessage('wanda', '', [{ name: 'notes.docx', bytes: 'PK' }]);
    await kind();
    expect(await imported()).toBe(0);
  });

  it('refuses a file whose bytes outgrow the size the server announced, reading no further', async () => {
    const refused = nextPrivate('wanda', 'I can take files up to 10 MB');
    // The server says 10 MB exactly; the bytes are one MB more.
    world.fake.directMessage('wanda', '', [
      { name: 'grown.json', bytes: new Uint8Array(11 * 1024 * 1024), size: 10 * 1024 * 1024 },
    ]);
    await refused();
    expect(await imported()).toBe(0);
  });
});

/** A data package whose services.csv is `size` bytes of one letter: a few hundred KB zipped. */
const zipBomb = (size: number) =>
  writeZip(
    new Map<string, Uint8Array | string>([
      ['datapackage.json', '{}'],
      ['services.csv', Buffer.alloc(size, 0x61)],
    ]),
  );

describe('attack 3 on Mattermost: a zip bomb sent by DM cannot take the bot down', () => {
  it('refuses a small zip that unpacks to about 180 MB, naming the limit, and answers the next command', async () => {
    const bomb = zipBomb(180 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const refused = nextPrivate('wanda', 'Nothing was imported');
    world.fake.directMessage('wanda', '', [
      { name: 'directory.zip', bytes: new Uint8Array(bomb), mimeType: 'application/zip' },
    ]);
    expect(shown(await refused())).toContain('unpacks to more than 20 MB');
    expect(shown(await find('crisis', 'otto', otherChannel))).toContain('988 Suicide');
  }, 120_000);
});
