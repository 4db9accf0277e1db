// The fake Slack refuses what Slack refuses, in Slack's words, through the real WebClient.
import { LogLevel, WebAPIPlatformError, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from './index.ts';

let fake: FakeSlackApi;
let client: WebClient;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  // The client logs every refusal; here each one is the point of the test.
  const quiet = () => undefined;
  const logger = {
    debug: quiet,
    info: quiet,
    warn: quiet,
    error: quiet,
    setLevel: quiet,
    setName: quiet,
    getLevel: () => LogLevel.ERROR,
  };
  client = new WebClient('xoxb-limits', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger });
});

afterAll(async () => {
  await fake.close();
});

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });
const button = (fields: Record<string, unknown>) => ({
  type: 'button',
  action_id: 'a',
  text: { type: 'plain_text', text: 'Go' },
  ...fields,
});
const actions = (...elements: unknown[]) => ({ type: 'actions', elements });

async function refusal(call: Promise<unknown>): Promise<{ error: string; errors?: string[] }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WebAPIPlatformError))
    throw new Error(`expected Slack to refuse, got ${String(error)}`);
  return error.data as { error: string; errors?: string[] };
}

describe('fake Slack message limits', () => {
  const post = (fields: Record<string, unknown>) =>
    client.chat.postMessage({ channel: 'C1', text: 'hi', ...fields } as never);

  it('takes a message at every limit', async () => {
    const limit = [
      { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(150) } },
      section('s'.repeat(3000)),
      actions(button({ text: { type: 'plain_text', text: 'b'.repeat(75) }, value: 'v'.repeat(2000) })),
      ...Array.from({ length: 47 }, () => section('more')),
    ];
    expect((await post({ blocks: limit, text: 't'.repeat(40_000) })).ok).toBe(true);
  });

  it.each([
    ['51 blocks', { blocks: Array.from({ length: 51 }, () => section('x')) }, '/blocks'],
    ['section text of 3001', { blocks: [section('x'.repeat(3001))] }, '/blocks/0/text/text'],
    [
      'a header of 151',
      { blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] },
      '/blocks/0/text/text',
    ],
    [
      'button text of 76',
      { blocks: [actions(button({ text: { type: 'plain_text', text: 'x'.repeat(76) } }))] },
      '/blocks/0/elements/0/text/text',
    ],
    [
      'an action_id of 256',
      { blocks: [actions(button({ action_id: 'x'.repeat(256) }))] },
      '/blocks/0/elements/0/action_id',
    ],
    [
      'a button value of 2001',
      { blocks: [actions(button({ value: 'x'.repeat(2001) }))] },
      '/blocks/0/elements/0/value',
    ],
    [
      '26 actions',
      { blocks: [actions(...Array.from({ length: 26 }, () => button({})))] },
      '/blocks/0/elements',
    ],
    [
      '11 fields',
      {
        blocks: [
          { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) },
        ],
      },
      '/blocks/0/fields',
    ],
  ])('refuses %s with invalid_blocks naming the place', async (_name, fields, pointer) => {
    const answer = await refusal(post(fields));
    expect(answer.error).toBe('invalid_blocks');
    expect(answer.errors?.join('\n')).toContain(`[json-pointer:${pointer}]`);
  });

  it('refuses text over 40,000 characters with msg_too_long, on update too', async () => {
    expect((await refusal(post({ text: 'x'.repeat(40_001) }))).error).toBe('msg_too_long');
    const answer = await refusal(
      client.chat.update({
        channel: 'C1',
        ts: '1.1',
        text: 'hi',
        blocks: [section('x'.repeat(3001))],
      } as never),
    );
    expect(answer.error).toBe('invalid_blocks');
  });

  it('answers a response_url post over the limits with HTTP 400 invalid_blocks', async () => {
    const response = await fetch(fake.newResponseUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hi', blocks: Array.from({ length: 51 }, () => section('x')) }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe('invalid_blocks');
  });
});

describe('fake Slack view limits', () => {
  const modal = (fields: Record<string, unknown>) => ({
    type: 'modal',
    title: { type: 'plain_text', text: 'Title' },
    blocks: [section('x')],
    ...fields,
  });

  it('takes a modal at its limits and refuses one over them with invalid_arguments', async () => {
    const full = modal({
      title: { type: 'plain_text', text: 't'.repeat(24) },
      blocks: Array.from({ length: 100 }, () => section('x')),
    });
    expect((await client.views.open({ trigger_id: fake.issueTriggerId(), view: full } as never)).ok).toBe(
      true,
    );

    for (const [fields, pointer] of [
      [{ blocks: Array.from({ length: 101 }, () => section('x')) }, '/view/blocks'],
      [{ title: { type: 'plain_text', text: 't'.repeat(25) } }, '/view/title/text'],
      [{ submit: { type: 'plain_text', text: 's'.repeat(25) } }, '/view/submit/text'],
      [{ private_metadata: 'm'.repeat(3001) }, '/view/private_metadata'],
    ] as const) {
      const answer = await refusal(
        client.views.open({ trigger_id: fake.issueTriggerId(), view: modal(fields) } as never),
      );
      expect(answer.error).toBe('invalid_arguments');
      expect(answer.errors?.join('\n')).toContain(`[json-pointer:${pointer}]`);
    }
  });
});
