// Issue 20's attacks 2 and 3, replayed through the real Bolt against the fake Slack Web API.
// Attack 2: someone makes themselves a team admin with `/peer setup` in a channel of their own,
// then presses Edit / Retire on 988 and the Veterans Crisis Line (and submits an edit form): a
// member of another workspace must still get the real lines from `/peer find crisis`; only a
// workspace admin (Slack's `is_admin`, from users.info) changes a crisis line, and that makes
// their workspace's copy, which says who changed it and when.
// Attack 3: a small zip that unpacks to about 180 MB, sent by DM, is refused with the limit named,
// and the bot answers the next command.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { writeZip } from '../../../src/features/resources/formats/zip.ts';
import {
  blockActionsPayload,
  DEFAULT_SLACK_IDENTITY,
  directMessageEvent,
  eventCallback,
  type FakeSlackApi,
  type SlackCall,
  type SlackRequestSender,
  viewSubmissionPayload,
} from '../../fakes/slack/index.ts';
import { type SlackWorld, startSlackWorld } from '../../support/slack-world.ts';
import { shownText, waitForCalls } from './support.ts';

const mallory = { userId: 'U0MALLORY01', userName: 'mallory' };
const wanda = { userId: 'U0WANDA0001', userName: 'wanda' };
const otto = { userId: 'U0OTTO00001', userName: 'otto' };
const otherWorkspace = { ...DEFAULT_SLACK_IDENTITY, teamId: 'T0OTHERWS01', teamDomain: 'other' };
const peers = 'C0PEERS0001';
const malloryChannel = 'C0MALLORY01';

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;
let world: SlackWorld;

// Each test has a world of its own: a fresh fake Slack, the app on a fresh database, and the
// Peers team set up in its channel by the default actor.
beforeEach(async () => {
  world = await startSlackWorld({
    users: {
      [mallory.userId]: { name: mallory.userName },
      [wanda.userId]: { name: wanda.userName, isAdmin: true },
      [otto.userId]: { name: otto.userName },
    },
  });
  ({ fake, app, sender } = world);
  await sender.slashCommand({ command: '/peer', text: 'setup region:US name:"Peers"', channelId: peers });
  await fake.waitForCall('chat.postMessage', (call) => call.args.channel === peers);
}, 120_000);

afterEach(async () => {
  await world?.stop();
});

/** Mallory makes herself a team admin: `/peer setup` in a channel of her own. */
async function malloryTeam() {
  await sender.slashCommand({
    command: '/peer',
    text: 'setup region:US name:"Mine"',
    channelId: malloryChannel,
    actor: mallory,
  });
  await fake.waitForCall('chat.postMessage', (call) => call.args.channel === malloryChannel);
}

const prisma = () => app.storage.db.prisma;

/** What reached the person privately: a response_url answer, an ephemeral post or a DM post. */
function privateAnswer(words: string): Promise<SlackCall> {
  return Promise.any([
    fake.waitForCall('response_url', (call) => shownText(call).includes(words)),
    fake.waitForCall('chat.postMessage', (call) => shownText(call).includes(words)),
    fake.waitForCall('chat.postEphemeral', (call) => shownText(call).includes(words)),
  ]);
}

/** Buttons of a Block Kit payload: action id (without the adapter's suffix), label, value. */
function buttonsOf(call: SlackCall) {
  const blocks = (call.args.blocks ?? []) as {
    elements?: { action_id?: string; value?: string; text?: { text?: string } }[];
  }[];
  return blocks
    .flatMap((block) => block.elements ?? [])
    .map((e) => ({ actionId: e.action_id?.split('#')[0], label: e.text?.text, value: e.value }));
}

async function find(
  words: string,
  actor: typeof otto,
  options: { channelId?: string; other?: boolean } = {},
) {
  // The next answer: earlier finds were answered with the same words.
  const answers = (call: SlackCall) => shownText(call).includes(`for “${words}”`);
  const before = fake.calls('response_url').filter(answers).length;
  await sender.slashCommand({
    command: '/peer',
    text: `find ${words}`,
    actor,
    channelId: options.channelId ?? 'C0GENERAL01',
    ...(options.other ? { identity: otherWorkspace } : {}),
  });
  return (await waitForCalls(fake, 'response_url', before + 1, answers)).at(-1) as SlackCall;
}

const press = (actor: typeof otto, actionId: string, value: string, channelId: string) =>
  sender.interactive(
    blockActionsPayload({ actionId, value, actor, message: { ts: '1.000', channelId }, urls: fake }),
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

describe('attack 2: a self-made team admin cannot rewrite the shared crisis lines', () => {
  it('refuses Edit, Retire and an edit form on 988 and the Veterans Crisis Line; another workspace still gets them', async () => {
    await malloryTeam();
    const shared988 = await prisma().resource.findUniqueOrThrow({ where: { id: 'us-988-lifeline' } });

    // No Edit or Retire on a crisis line for a team admin.
    const results = await find('lifeline', mallory, { channelId: malloryChannel });
    expect(shownText(results)).toContain('988 Suicide');
    expect(
      buttonsOf(results).filter((b) => b.actionId === 'resources:edit' || b.actionId === 'resources:retire'),
    ).toEqual([]);

    // Pressing them anyway (a forged payload) is refused, and nothing opens or changes.
    await press(mallory, 'resources:edit', 'us-988-lifeline', malloryChannel);
    await privateAnswer('Crisis lines can be changed only by an admin of this workspace');
    await press(mallory, 'resources:retire', 'us-veterans-crisis-line', malloryChannel);
    await waitForCalls(fake, 'response_url', 2, (call) =>
      shownText(call).includes('Crisis lines can be changed only by an admin of this workspace'),
    );
    expect(
      fake.calls('views.open').filter((c) => JSON.stringify(c.args.view).includes('resources:edit-form')),
    ).toEqual([]);

    // An edit form opened by a workspace admin, submitted by mallory, is refused too.
    await press(wanda, 'resources:edit', 'us-988-lifeline', peers);
    const form = await fake.waitForCall('views.open', (c) =>
      JSON.stringify(c.args.view).includes('resources:edit-form'),
    );
    expect(form.response).toMatchObject({ ok: true });
    await sender.interactive(
      viewSubmissionPayload({
        view: fake.openedView('resources:edit-form'),
        actor: mallory,
        answers: { ...editAnswers, contacts: 'phone: 1-900-555-0100' },
        urls: fake,
      }),
    );
    await privateAnswer('Crisis lines can be changed only by an admin of this workspace');

    expect(await prisma().resource.findUniqueOrThrow({ where: { id: 'us-988-lifeline' } })).toEqual(
      shared988,
    );
    expect(await prisma().resource.count({ where: { replacesId: { not: null } } })).toBe(0);
    const veterans = await prisma().resource.findUniqueOrThrow({ where: { id: 'us-veterans-crisis-line' } });
    expect(veterans.archivedAt).toBeNull();

    // A member of another workspace gets the real lines.
    const elsewhere = await find('crisis', otto, { other: true });
    const shown = shownText(elsewhere);
    expect(shown).toContain('988 Suicide');
    expect(shown).toContain('Call 988');
    expect(shown).toContain('Veterans Crisis Line');
    expect(shown).not.toContain('1-900-555-0100');
  });

  it('a workspace admin’s edit of 988 makes this workspace’s copy, saying who and when; other workspaces keep the shared line', async () => {
    await malloryTeam();
    const editForms = (c: SlackCall) => JSON.stringify(c.args.view).includes('resources:edit-form');
    const opened = fake.calls('views.open').filter(editForms).length;
    await press(wanda, 'resources:edit', 'us-988-lifeline', peers);
    // A fresh form (the fake's view ids and hashes are per opening; a resubmitted one is a retry).
    await waitForCalls(fake, 'views.open', opened + 1, editForms);
    await sender.interactive(
      viewSubmissionPayload({
        view: fake.openedView('resources:edit-form'),
        actor: wanda,
        answers: editAnswers,
        urls: fake,
      }),
    );
    await privateAnswer('for this workspace');

    const copy = await prisma().resource.findFirstOrThrow({ where: { replacesId: 'us-988-lifeline' } });
    expect(copy).toMatchObject({ editedBy: 'wanda', teamId: null, summary: editAnswers.summary });
    const today = copy.editedAt?.toISOString().slice(0, 10);
    expect(today).toBeDefined();
    expect(
      (await prisma().resource.findUniqueOrThrow({ where: { id: 'us-988-lifeline' } })).summary,
    ).not.toBe(editAnswers.summary);

    // This workspace sees its copy, once, marked; the other workspace the shared line.
    const here = shownText(await find('crisis', mallory, { channelId: malloryChannel }));
    expect(here).toContain('Our org: ask for the Spanish line');
    expect(here).toContain(`Edited in this workspace by wanda on ${today}`);
    expect(here.split('988 Suicide').length - 1).toBe(1);
    const elsewhere = shownText(await find('crisis', otto, { other: true }));
    expect(elsewhere).toContain('988 Suicide');
    expect(elsewhere).not.toContain('Our org');
    expect(elsewhere).not.toContain('Edited in this workspace');
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

describe('attack 3: a zip bomb sent by DM cannot take the bot down', () => {
  // Made before the world, so the DM follows the set-up at once: seconds of deflating between
  // them would outlast Bolt's 5 s keep-alive, and fetch could send on a socket as it closes.
  let bomb: Uint8Array;
  beforeAll(() => {
    bomb = zipBomb(180 * 1024 * 1024);
  }, 90_000);

  it('refuses a small zip that unpacks to about 180 MB, naming the limit, and answers the next command', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const file = fake.hostFile('directory.zip', bomb);
    await sender.event(
      eventCallback(directMessageEvent({ text: '', files: [file], actor: wanda }), fake.identity),
    );
    const refused = await privateAnswer('Nothing was imported');
    expect(shownText(refused)).toContain('unpacks to more than 20 MB');
    // Still here: the next command is answered.
    const next = await find('crisis', otto);
    expect(shownText(next)).toContain('988 Suicide');
    // The bot reads into 180 MB before it refuses: seconds of CPU, more on a loaded machine.
  }, 90_000);

  it('refuses a team admin’s file without reading it: imports are for workspace admins', async () => {
    await malloryTeam();
    const file = fake.hostFile('list.csv', 'id,name,category\nx,X,crisis-line\n');
    await sender.event(
      eventCallback(directMessageEvent({ text: '', files: [file], actor: mallory }), fake.identity),
    );
    await privateAnswer('Only an admin of this workspace can import resources');
    expect(fake.calls('file_download').filter((c) => c.args.file_id === file.id)).toHaveLength(0);
  });
});
