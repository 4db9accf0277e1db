// Resources on Slack, the whole app: the real Bolt receives signed requests and talks to the
// fake Slack Web API. `/peer find crisis` lists the team region's crisis lines first; Send to me
// arrives as a direct message (through the outbox); Share in channel posts it in the channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import {
  blockActionsPayload,
  DEFAULT_ACTOR,
  FakeSlackApi,
  SlackRequestSender,
} from '../../fakes/slack/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { BOT_TOKEN, freePort, SIGNING_SECRET, shownText } from './support.ts';

const channel = 'C0PEERS0001';

let fake: FakeSlackApi;
let app: RunningApp;
let sender: SlackRequestSender;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
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
