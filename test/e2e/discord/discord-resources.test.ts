// Resources on Discord, the whole app: the real discord.js against the fake Discord.
// `/peer find crisis` lists the team region's crisis lines first; Send to me arrives as a DM
// (through the outbox); Share in channel posts it in the channel. Import and export from chat:
// a file attached to a DM (served by the fake as Discord's CDN would) is checked row by row with
// nothing written, the "Import the 2 good rows" button imports them, and `/peer resources
// export` uploads HSDS JSON to the admin's DM; a member's file is refused and never downloaded.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { FakeDiscord, type SentInteraction } from '../../fakes/discord/index.ts';
import { badCsv } from '../../features/resources/fixtures/bad-import.ts';
import { startTestApp } from '../../support/app-harness.ts';

let fake: FakeDiscord;
let app: RunningApp;

beforeAll(async () => {
  fake = await FakeDiscord.start({ token: 'fake-token', applicationId: '1187654321098765432' });
  app = await startTestApp({
    DISCORD_TOKEN: 'fake-token',
    DISCORD_APPLICATION_ID: '1187654321098765432',
    DISCORD_GUILD_ID: fake.world.guild().id,
    DISCORD_API_URL: fake.apiUrl,
  });
  // Interactions before discord.js has the guild (GUILD_CREATE after READY) would be dropped.
  await vi.waitFor(() => expect(fake.registeredCommands(fake.world.guild().id)).toHaveLength(1), {
    timeout: 20_000,
  });
  await fake
    .slashCommand({
      name: 'peer',
      subcommand: 'setup',
      channel: 'peer-support',
      user: 'alice',
      options: { region: 'US-TX', name: 'Peers' },
    })
    .reply(30_000);
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const importedIds = ['tx-warmline', 'gb-listening'];

// Each test starts with nothing imported and no calls recorded, whatever ran before it (the
// tests are shuffled across both describes).
beforeEach(async () => {
  fake.reset();
  await app.storage.db.prisma.resource.deleteMany({ where: { id: { in: importedIds } } });
});

interface Seen {
  readonly content: string;
  readonly customIds: string[];
}

function seenOf(data: unknown): Seen {
  const message = data as
    | { content?: string; components?: { components?: { custom_id?: string }[] }[] }
    | undefined;
  return {
    content: message?.content ?? '',
    customIds: (message?.components ?? []).flatMap((row) =>
      (row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
    ),
  };
}

/** The private answer to an interaction: the direct response, or the edit after a defer. */
async function privateAnswer(sent: SentInteraction): Promise<Seen> {
  const first = await sent.reply();
  if (first.type === 4) return seenOf(first.data);
  const edit = await fake.rest.waitForCall(
    (call) =>
      call.route === 'PATCH /webhooks/:appId/:token/messages/:messageId' && call.params.token === sent.token,
  );
  return seenOf(edit.body);
}

/** A long answer is split within Discord's 2,000 characters: its buttons come with the last part. */
async function buttonsOf(sent: SentInteraction, first: Seen): Promise<string[]> {
  if (first.customIds.length > 0) return first.customIds;
  const followUp = await fake.rest.waitForCall(
    (call) =>
      call.route === 'POST /webhooks/:appId/:token' &&
      call.params.token === sent.token &&
      seenOf(call.body).customIds.length > 0,
  );
  return seenOf(followUp.body).customIds;
}

describe('resources on Discord', () => {
  it('/peer find crisis lists the team region’s crisis lines first', async () => {
    const sent = fake.slashCommand({
      name: 'peer',
      subcommand: 'find',
      channel: 'peer-support',
      user: 'bob',
      options: { words: 'crisis' },
    });
    const answer = await privateAnswer(sent);
    expect(answer.content.startsWith('## Crisis lines for US-TX')).toBe(true);
    expect(answer.content).toContain('988 Suicide & Crisis Lifeline');
    expect(answer.content).not.toContain('Samaritans');
    expect(await buttonsOf(sent, answer)).toContain('resources:send|c:US-TX');
  });

  it('Send to me arrives as a DM; Share in channel posts it in the channel', async () => {
    const found = await privateAnswer(
      fake.slashCommand({
        name: 'peer',
        subcommand: 'find',
        channel: 'peer-support',
        user: 'bob',
        options: { words: 'veterans' },
      }),
    );
    const send = found.customIds.find((id) => id.startsWith('resources:send|r:'));
    expect(send).toBe('resources:send|r:us-veterans-crisis-line');

    await fake.button({ customId: send ?? '', channel: 'peer-support', user: 'bob' }).reply();
    const dm = fake.world.dmChannelFor(fake.world.user('bob').id);
    const delivered = await fake.rest.waitForCall(
      (call) => call.route === 'POST /channels/:channelId/messages' && call.params.channelId === dm.id,
    );
    expect(seenOf(delivered.body).content).toContain('Veterans Crisis Line');

    const share = (send ?? '').replace('resources:send', 'resources:share');
    const pressed = fake.button({ customId: share, channel: 'peer-support', user: 'bob' });
    await pressed.reply();
    // Shared where the button was pressed: the interaction's own public answer (or a follow-up).
    const posted = await fake.rest.waitForCall(
      (call) =>
        [
          'POST /channels/:channelId/messages',
          'POST /webhooks/:appId/:token',
          'POST /interactions/:interactionId/:token/callback',
        ].includes(call.route) && JSON.stringify(call.body).includes('Shared by'),
    );
    const body = posted.body as {
      flags?: number;
      data?: { flags?: number; content?: string };
      content?: string;
    };
    expect((body.data?.flags ?? body.flags ?? 0) & 64).toBe(0);
    expect(body.data?.content ?? body.content).toContain('Veterans Crisis Line');
  });
});

/** The next message the bot posts in this person's DM channel that mentions these words. */
async function dmSaying(user: string, words: string): Promise<Seen> {
  const dm = fake.world.dmChannelFor(fake.world.user(user).id);
  const call = await fake.rest.waitForCall(
    (c) =>
      c.route === 'POST /channels/:channelId/messages' &&
      c.params.channelId === dm.id &&
      JSON.stringify(c.body).includes(words),
  );
  return seenOf(call.body);
}

/** Any private answer to an interaction (its reply, an edit after a defer, or a follow-up) saying these words. */
function interactionSaying(words: string) {
  return fake.rest.waitForCall(
    (call) =>
      [
        'POST /interactions/:interactionId/:token/callback',
        'PATCH /webhooks/:appId/:token/messages/:messageId',
        'POST /webhooks/:appId/:token',
        'POST /channels/:channelId/messages',
      ].includes(call.route) && JSON.stringify(call.body).includes(words),
  );
}

const imported = () => app.storage.db.prisma.resource.count({ where: { id: { in: importedIds } } });

/** Alice sends the file and imports its 2 good rows by the button, as the import test does. */
async function importGoodRows(): Promise<void> {
  fake.sendDirectMessage({ from: 'alice', content: '', files: [{ name: 'list.csv', content: badCsv }] });
  const report = await dmSaying('alice', 'need a change');
  const button = report.customIds.find((id) => id.startsWith('resources:import-good|'));
  if (!button) throw new Error(`no import button in ${JSON.stringify(report)}`);
  await fake.button({ customId: button, dm: true, user: 'alice' }).reply();
  await interactionSaying('Imported: 2 added');
}

describe('resource import and export from chat on Discord', () => {
  it('a member’s file is refused kindly and never downloaded', async () => {
    fake.sendDirectMessage({ from: 'bob', content: '', files: [{ name: 'list.csv', content: badCsv }] });
    await dmSaying('bob', 'Only an admin of this workspace can import');
    expect(fake.attachmentDownloads).toHaveLength(0);
    expect(await imported()).toBe(0);
  });

  it('an admin’s file is reported row by row with nothing written; the button imports the good rows', async () => {
    fake.sendDirectMessage({ from: 'alice', content: '', files: [{ name: 'list.csv', content: badCsv }] });
    const report = await dmSaying('alice', 'need a change');
    expect(fake.attachmentDownloads).toHaveLength(1);
    for (const where of ['line 3', 'line 4', 'line 5', 'line 7']) expect(report.content).toContain(where);
    expect(await imported()).toBe(0);
    const button = report.customIds.find((id) => id.startsWith('resources:import-good|'));
    expect(button).toBeDefined();

    await fake.button({ customId: button ?? '', dm: true, user: 'alice' }).reply();
    await interactionSaying('Imported: 2 added');
    expect(await imported()).toBe(2);
  });

  it('/peer resources export sends HSDS JSON to the admin’s DM', async () => {
    await importGoodRows();
    const where = { channel: 'peer-support', user: 'alice' };
    const sent = fake.slashCommand({ name: 'peer', group: 'resources', subcommand: 'export', ...where });
    expect((await privateAnswer(sent)).content).toContain('to your direct messages');
    const dm = fake.world.dmChannelFor(fake.world.user('alice').id);
    const upload = await fake.rest.waitForCall(
      (call) =>
        call.route === 'POST /channels/:channelId/messages' &&
        call.params.channelId === dm.id &&
        call.files.length > 0,
    );
    expect(upload.files[0]?.filename).toBe('resources-hsds.json');
    const services = JSON.parse(Buffer.from(upload.files[0]?.bytes ?? []).toString('utf8')) as {
      id: string;
    }[];
    expect(services.map((s) => s.id)).toEqual(expect.arrayContaining(['tx-warmline', 'gb-listening']));
  });
});
