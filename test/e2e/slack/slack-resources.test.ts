// Resources on Slack, the whole app: the real Bolt receives signed requests and talks to the
// fake Slack Web API. `/peer find crisis` lists the team region's crisis lines first; Send to me
// arrives as a direct message (through the outbox); Share in channel posts it in the channel.
// Import and export from chat: the fake serves a shared file at its url_private (only with the
// bot token); the admin's upload is refused whole with a report naming each bad row, the
// "Import the 2 good rows" button imports them, `/peer resources export` uploads a zipped HSDS
// CSV data package to the admin's DM; a member and an oversized file are refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { readZip } from '../../../src/features/resources/formats/zip.ts';
import {
  blockActionsPayload,
  DEFAULT_ACTOR,
  directMessageEvent,
  eventCallback,
  FakeSlackApi,
  type SlackCall,
  SlackRequestSender,
} from '../../fakes/slack/index.ts';
import { badCsv } from '../../features/resources/fixtures/bad-import.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { BOT_TOKEN, freePort, SIGNING_SECRET, shownText } from './support.ts';

const channel = 'C0PEERS0001';
const sam = { userId: 'U0SAM000001', userName: 'sam' };

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  // The admin who imports is an admin of the whole workspace, as Slack's users.info says.
  fake.setUser(DEFAULT_ACTOR.userId, { name: DEFAULT_ACTOR.userName, isAdmin: true });
  const port = await freePort();
  app = await startTestApp({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
  });
  sender = new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET, fake);
  await sender.slashCommand({
    command: '/peer',
    text: 'setup region:US-TX name:"Night Owls"',
    channelId: channel,
  });
  await fake.waitForCall('chat.postMessage', (call) => call.args.channel === channel);
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

/** The `value` of the first button with this action id and label, in a Block Kit payload. */
function buttonValue(blocks: unknown, actionId: string, label: string): string {
  const elements = (Array.isArray(blocks) ? blocks : []).flatMap(
    (block: { elements?: { action_id?: string; value?: string; text?: { text?: string } }[] }) =>
      block.elements ?? [],
  );
  const found = elements.find((e) => e.action_id?.split('#')[0] === actionId && e.text?.text === label);
  if (!found?.value) throw new Error(`no ${label} button in ${JSON.stringify(blocks).slice(0, 300)}`);
  return found.value;
}

describe('resources on Slack', () => {
  it('/peer find crisis lists the team region’s crisis lines first, privately', async () => {
    await sender.slashCommand({ command: '/peer', text: 'find crisis', channelId: channel });
    const answer = await fake.waitForCall('response_url', (call) =>
      shownText(call).includes('Crisis lines for US-TX'),
    );
    expect(answer.args.response_type).toBe('ephemeral');
    // The crisis lines are the first thing shown, before any other result.
    expect(JSON.stringify((answer.args.blocks as unknown[])[0])).toContain('Crisis lines for US-TX');
    const shown = shownText(answer);
    const crisisAt = shown.indexOf('Crisis lines for US-TX');
    expect(shown.indexOf('988 Suicide')).toBeGreaterThan(crisisAt);
    expect(shown).not.toContain('Samaritans');
  });

  it('Send to me arrives as a direct message; Share in channel posts it in the channel', async () => {
    await sender.slashCommand({ command: '/peer', text: 'find veterans', channelId: channel });
    const answer = await fake.waitForCall('response_url', (call) =>
      shownText(call).includes('Results for “veterans”'),
    );
    const value = buttonValue(answer.args.blocks, 'resources:send', 'Send to me');
    expect(value).toBe('r:us-veterans-crisis-line');

    await sender.interactive(
      blockActionsPayload({
        actionId: 'resources:send',
        value,
        message: { ts: '1.000', channelId: channel },
        urls: fake,
      }),
    );
    const dm = await fake.waitForCall(
      'chat.postMessage',
      (call) => call.args.channel !== channel && shownText(call).includes('Veterans Crisis Line'),
    );
    expect(String(dm.args.channel)).toMatch(/^D/);
    await fake.waitForCall('response_url', (call) =>
      shownText(call).includes('Sent to your direct messages'),
    );

    await sender.interactive(
      blockActionsPayload({
        actionId: 'resources:share',
        value,
        message: { ts: '1.000', channelId: channel },
        urls: fake,
      }),
    );
    const shared = await fake.waitForCall('chat.postMessage', (call) =>
      shownText(call).includes('shared: Veterans Crisis Line'),
    );
    expect(shared.args.channel).toBe(channel);
    expect(shownText(shared)).toContain(DEFAULT_ACTOR.userName);
  });
});

/** What reached the person privately: a DM post or a response_url answer. */
function privateAnswer(words: string): Promise<SlackCall> {
  return Promise.any([
    fake.waitForCall('chat.postMessage', (call) => shownText(call).includes(words)),
    fake.waitForCall('response_url', (call) => shownText(call).includes(words)),
  ]);
}

const prisma = () => app.storage.db.prisma;
const imported = () => prisma().resource.count({ where: { id: { in: importedIds } } });

/** The admin uploads the file and imports its 2 good rows by the button, as the import test does. */
async function importGoodRows(): Promise<void> {
  const file = fake.hostFile('team-list.csv', badCsv);
  await sender.event(
    eventCallback(directMessageEvent({ text: 'here you go', files: [file] }), fake.identity),
  );
  const report = await privateAnswer('row(s) need a change');
  await sender.interactive(
    blockActionsPayload({
      actionId: 'resources:import-good',
      value: buttonValue(report.args.blocks, 'resources:import-good', 'Import the 2 good rows'),
      message: { ts: '2.000', channelId: fake.dmChannelFor(DEFAULT_ACTOR.userId) },
      urls: fake,
    }),
  );
  await privateAnswer('Imported: 2 added');
}

describe('resource import and export from chat on Slack', () => {
  it('refuses a member’s file kindly and never downloads it', async () => {
    const file = fake.hostFile('from-sam.csv', badCsv);
    await sender.event(
      eventCallback(directMessageEvent({ text: '', files: [file], actor: sam }), fake.identity),
    );
    await privateAnswer('Only an admin of this workspace can import resources');
    expect(fake.calls('file_download').filter((c) => c.args.file_id === file.id)).toHaveLength(0);
    expect(await imported()).toBe(0);
  });

  it('refuses a file over the size limit with the limit in the message, without downloading it', async () => {
    const file = { ...fake.hostFile('huge.json', '[]'), size: 25 * 1024 * 1024 };
    await sender.event(eventCallback(directMessageEvent({ text: '', files: [file] }), fake.identity));
    await privateAnswer('I can take files up to 10 MB');
    expect(fake.calls('file_download').filter((c) => c.args.file_id === file.id)).toHaveLength(0);
  });

  it('an admin’s upload is reported row by row with nothing written; the button imports the good rows', async () => {
    const file = fake.hostFile('team-list.csv', badCsv);
    await sender.event(
      eventCallback(directMessageEvent({ text: 'here you go', files: [file] }), fake.identity),
    );
    const report = await privateAnswer('row(s) need a change');
    const download = await fake.waitForCall('file_download', (c) => c.args.file_id === file.id);
    expect(download.token).toBe(BOT_TOKEN);
    for (const where of ['line 3', 'line 4', 'line 5', 'line 7']) expect(shownText(report)).toContain(where);
    expect(await imported()).toBe(0);

    await sender.interactive(
      blockActionsPayload({
        actionId: 'resources:import-good',
        value: buttonValue(report.args.blocks, 'resources:import-good', 'Import the 2 good rows'),
        message: { ts: '2.000', channelId: fake.dmChannelFor(DEFAULT_ACTOR.userId) },
        urls: fake,
      }),
    );
    await privateAnswer('Imported: 2 added');
    expect(await imported()).toBe(2);
  });

  it('/peer resources export format:hsds-csv uploads a zipped data package to the admin’s DM', async () => {
    await importGoodRows();
    await sender.slashCommand({
      command: '/peer',
      text: 'resources export format:hsds-csv',
      channelId: channel,
    });
    const done = await fake.waitForCall('files.completeUploadExternal');
    expect(String(done.args.channel_id)).toMatch(/^D/);
    const upload = await fake.waitForCall('file_upload');
    // The web client posts the bytes as a multipart form with one file part.
    const form = await new Response(new Uint8Array(upload.args.body as Buffer), {
      headers: { 'content-type': String(upload.args.content_type) },
    }).formData();
    const part = [...form.values()].find((value) => typeof value !== 'string');
    if (!part || typeof part === 'string') throw new Error('no file part in the upload');
    const files = readZip(new Uint8Array(await part.arrayBuffer()));
    expect([...files.keys()]).toEqual(expect.arrayContaining(['datapackage.json', 'services.csv']));
    expect(files.get('services.csv')?.toString('utf8')).toContain('tx-warmline');
    await privateAnswer('to your direct messages');
  });
});
