// Spanish on Discord, end to end (issue 24): the real discord.js against the fake Discord.
// María's Discord app is in Spanish from Spain (every interaction carries locale es-ES); Sam's
// is in English. María's flag form, its confirmation and `/peer find crisis` come in Spanish at
// once; the round prompt that reaches her later by direct message (no interaction, so no locale
// on it) is in Spanish too, because her last interaction's locale was remembered.
import { Locale } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { type DiscordRestCall, FakeDiscord } from '../../fakes/discord/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { checkinJobsOnTestScheduler } from '../../support/checkin-jobs.ts';
import { answerSeen } from './answers.ts';

let fake: FakeDiscord;
let app: RunningApp;
const checkinJobs = checkinJobsOnTestScheduler();
const WAIT = 30_000;

beforeAll(async () => {
  fake = await FakeDiscord.start({
    token: 'fake-token',
    applicationId: '1187654321098765432',
    ackDeadlineMs: 30_000,
    guilds: [
      {
        name: 'Faro guild',
        channels: [{ name: 'peer-support' }],
        members: [
          { username: 'sam', globalName: 'Sam' },
          { username: 'maria', globalName: 'María' },
        ],
      },
    ],
  });
  app = await startTestApp(
    {
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: '1187654321098765432',
      DISCORD_GUILD_ID: fake.world.guild().id,
      DISCORD_API_URL: fake.apiUrl,
    },
    { features: checkinJobs.features },
  );
  await answerSeen(fake, peer('sam', 'setup', { name: 'Faro', region: 'US' }), 'public');
  // María is on the team, so a flag has a team to go to.
  await answerSeen(
    fake,
    fake.slashCommand({
      name: 'peer',
      group: 'team',
      subcommand: 'role',
      channel: 'peer-support',
      user: 'sam',
      options: { user: `<@${fake.world.user('maria').id}>`, role: 'member' },
    }),
    'private',
  );
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const peer = (user: string, subcommand: string, options: Record<string, string> = {}, locale?: Locale) =>
  fake.slashCommand({
    name: 'peer',
    subcommand,
    channel: 'peer-support',
    user,
    options,
    ...(locale ? { locale } : {}),
  });
const text = (body: unknown) => JSON.stringify(body ?? {});
const dmOf = (name: string) => fake.world.dmChannelFor(fake.world.user(name).id).id;

describe('Spanish on Discord, end to end', () => {
  it('answers /peer find crisis in the interaction’s language', async () => {
    const found = await peer('maria', 'find', { words: 'crisis' }, Locale.SpanishES).reply(WAIT);
    expect(text(found.data)).toContain('Líneas de crisis para US');
    expect(text(found.data)).toContain('revisado el');
    // The lines that answer in Spanish lead.
    expect(text(found.data).indexOf('988 Lifeline en español')).toBeLessThan(
      text(found.data).indexOf('988 Suicide & Crisis Lifeline'),
    );
    const english = await peer('sam', 'find', { words: 'crisis' }).reply(WAIT);
    expect(text(english.data)).toContain('Crisis lines for US');
  });

  it('answers /peer help in the interaction’s language, and Sam in English', async () => {
    const asked = peer('maria', 'help', {}, Locale.SpanishES);
    const spanish = await asked.reply(WAIT);
    expect(text(spanish.data)).toContain('En qué te puedo ayudar');
    // Help outgrows one Discord message: its sections follow in private follow-ups.
    const sections = await fake.rest.waitForCall(
      (call) =>
        call.route === 'POST /webhooks/:appId/:token' &&
        call.params.token === asked.token &&
        JSON.stringify(call.body).includes('Para todas las personas'),
      WAIT,
    );
    expect(JSON.stringify(sections.body)).not.toContain('For everyone');
    const english = await peer('sam', 'help').reply(WAIT);
    expect(text(english.data)).toContain('What I can help with');
    expect(text(english.data)).not.toContain('En qué te puedo ayudar');
  });

  it('opens the flag form and confirms the flag in Spanish', async () => {
    const opened = await peer('maria', 'flag', {}, Locale.SpanishES).reply(WAIT);
    expect(opened.type).toBe(9);
    expect(text(opened.data)).toContain('Avisar en privado');
    expect(text(opened.data)).toContain('Necesito hablar ahora');
    const confirmed = await fake
      .modalSubmit({
        customId: String((opened.data as { custom_id: string }).custom_id),
        channel: 'peer-support',
        user: 'maria',
        locale: Locale.SpanishES,
        fields: { level: ['struggling'], wish: ['talk-today'], note: '' },
      })
      .reply(WAIT);
    expect(text(confirmed.data)).toContain('Gracias por decirlo');
    expect(text(confirmed.data)).toContain('Si necesitas a alguien ahora mismo');
  });

  it('sends the later round prompt by DM in the locale remembered from her interactions', async () => {
    await peer('maria', 'find', { words: 'crisis' }, Locale.SpanishES).reply(WAIT);
    await answerSeen(
      fake,
      fake.slashCommand({
        name: 'peer',
        group: 'checkin',
        subcommand: 'now',
        channel: 'peer-support',
        user: 'sam',
        options: {},
      }),
      'private',
    );
    const promptTo = (name: string, words: string) =>
      fake.rest.waitForCall(
        (c: DiscordRestCall) =>
          c.route === 'POST /channels/:channelId/messages' &&
          c.params.channelId === dmOf(name) &&
          text(c.body).includes(words),
        WAIT,
      );
    const [maria, sam] = await Promise.all([
      promptTo('maria', 'Recuérdamelo en una hora'),
      promptTo('sam', 'Remind me in an hour'),
    ]);
    expect(text(maria.body)).not.toContain('Remind me in an hour');
    expect(text(sam.body)).not.toContain('Recuérdamelo');
  }, 90_000);
});
