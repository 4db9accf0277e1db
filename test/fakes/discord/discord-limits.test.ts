// The fake Discord refuses what Discord refuses (50035 Invalid Form Body, errors nested along
// the bad field's path), through the real @discordjs/rest client discord.js uses.
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './index.ts';

let fake: FakeDiscord;
let rest: REST;
let channelId: string;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  rest = new REST(fake.clientOptions().rest).setToken(fake.token);
  channelId = fake.world.channel('general').id;
});

afterAll(async () => {
  await fake.close();
});

const button = (i: number, fields: Record<string, unknown> = {}) => ({
  type: 2,
  style: 1,
  custom_id: `b${i}`,
  label: 'Go',
  ...fields,
});
const row = (...components: unknown[]) => ({ type: 1, components });
const select = (options: number, fields: Record<string, unknown> = {}) => ({
  type: 3,
  custom_id: 's',
  options: Array.from({ length: options }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
  ...fields,
});

async function refusal(call: Promise<unknown>): Promise<DiscordAPIError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DiscordAPIError))
    throw new Error(`expected Discord to refuse, got ${String(error)}`);
  return error;
}

/** The `_errors` codes at `path` in a 50035 answer's nested errors. */
function codesAt(error: DiscordAPIError, path: readonly (string | number)[]): string[] {
  let node = (error.rawError as { errors?: unknown }).errors;
  for (const key of path) node = (node as Record<string, unknown> | undefined)?.[String(key)];
  return ((node as { _errors?: { code: string }[] } | undefined)?._errors ?? []).map((e) => e.code);
}

describe('fake Discord message limits', () => {
  const send = (body: Record<string, unknown>) => rest.post(Routes.channelMessages(channelId), { body });

  it('takes a message at every limit', async () => {
    const atLimit = {
      content: 'c'.repeat(2000),
      embeds: [{ description: 'd'.repeat(4096) }, { description: 'e'.repeat(1904) }],
      components: [
        row(
          ...Array.from({ length: 5 }, (_, i) =>
            button(i, { label: 'l'.repeat(80), custom_id: `${i}`.repeat(100) }),
          ),
        ),
        row(select(25)),
        row(button(9)),
        row(button(10)),
        row(button(11)),
      ],
    };
    await expect(send(atLimit)).resolves.toMatchObject({ content: atLimit.content });
  });

  it.each([
    ['content of 2001', { content: 'x'.repeat(2001) }, ['content'], 'BASE_TYPE_MAX_LENGTH'],
    [
      '11 embeds',
      { embeds: Array.from({ length: 11 }, () => ({ description: 'e' })) },
      ['embeds'],
      'BASE_TYPE_MAX_LENGTH',
    ],
    [
      'an embed description of 4097',
      { embeds: [{ description: 'x'.repeat(4097) }] },
      ['embeds', 0, 'description'],
      'BASE_TYPE_MAX_LENGTH',
    ],
    [
      'embeds over 6000 together',
      { embeds: [{ description: 'x'.repeat(4000) }, { description: 'y'.repeat(2001) }] },
      ['embeds'],
      'MAX_EMBED_SIZE_EXCEEDED',
    ],
    [
      '6 action rows',
      { components: Array.from({ length: 6 }, (_, i) => row(button(i))) },
      ['components'],
      'BASE_TYPE_MAX_LENGTH',
    ],
    [
      '6 buttons in a row',
      { components: [row(...Array.from({ length: 6 }, (_, i) => button(i)))] },
      ['components', 0, 'components'],
      'BASE_TYPE_MAX_LENGTH',
    ],
    [
      'a custom_id of 101',
      { components: [row(button(0, { custom_id: 'x'.repeat(101) }))] },
      ['components', 0, 'components', 0, 'custom_id'],
      'BASE_TYPE_MAX_LENGTH',
    ],
    [
      'a button label of 81',
      { components: [row(button(0, { label: 'x'.repeat(81) }))] },
      ['components', 0, 'components', 0, 'label'],
      'BASE_TYPE_MAX_LENGTH',
    ],
    [
      'a select of 26 options',
      { components: [row(select(26))] },
      ['components', 0, 'components', 0, 'options'],
      'BASE_TYPE_MAX_LENGTH',
    ],
    [
      'a select beside a button',
      { components: [row(select(2), button(1))] },
      ['components', 0, 'components'],
      'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
    ],
  ] as const)('refuses %s with 50035 at the field', async (_name, body, path, code) => {
    const error = await refusal(send(body));
    expect(error.status).toBe(400);
    expect(error.code).toBe(50035);
    expect(error.message).toContain('Invalid Form Body');
    expect(codesAt(error, path)).toContain(code);
  });

  it('refuses an interaction answer over the limits under data', async () => {
    const error = await refusal(
      rest.post(Routes.interactionCallback('1', 'token'), {
        body: { type: 4, data: { content: 'x'.repeat(2001) } },
        auth: false,
      }),
    );
    expect(codesAt(error, ['data', 'content'])).toEqual(['BASE_TYPE_MAX_LENGTH']);
  });
});

describe('fake Discord modal limits', () => {
  const label = (i: number, fields: Record<string, unknown> = {}) => ({
    type: 18,
    label: `Question ${i}`,
    component: { type: 4, custom_id: `q${i}`, style: 1 },
    ...fields,
  });
  const openModal = (data: Record<string, unknown>) =>
    rest.post(Routes.interactionCallback('1', 'token'), {
      body: { type: 9, data: { custom_id: 'form', title: 'A form', components: [label(0)], ...data } },
      auth: false,
    });

  it.each([
    ['a title of 46', { title: 'x'.repeat(46) }, ['data', 'title']],
    ['6 components', { components: Array.from({ length: 6 }, (_, i) => label(i)) }, ['data', 'components']],
    [
      'a label of 46',
      { components: [label(0, { label: 'x'.repeat(46) })] },
      ['data', 'components', 0, 'label'],
    ],
    [
      'a legacy text input label of 46',
      { components: [row({ type: 4, custom_id: 'q', style: 1, label: 'x'.repeat(46) })] },
      ['data', 'components', 0, 'components', 0, 'label'],
    ],
  ] as const)('refuses %s with 50035', async (_name, data, path) => {
    const error = await refusal(openModal(data));
    expect(error.code).toBe(50035);
    expect(codesAt(error, path)).toEqual(['BASE_TYPE_MAX_LENGTH']);
  });

  it('lets a modal within the limits through to the interaction check', async () => {
    // Unknown interaction (10062), not 50035: the body itself was fine.
    const error = await refusal(openModal({ title: 't'.repeat(45) }));
    expect(error.code).toBe(10062);
  });
});
