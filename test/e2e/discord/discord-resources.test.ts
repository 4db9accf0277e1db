// Resources on Discord, the whole app: the real discord.js against the fake Discord.
// `/peer find crisis` lists the team region's crisis lines first; Send to me arrives as a DM
// (through the outbox); Share in channel posts it in the channel.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { FakeDiscord, type SentInteraction } from '../../fakes/discord/index.ts';
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
    expect(answer.customIds).toContain('resources:send|c:US-TX');
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
