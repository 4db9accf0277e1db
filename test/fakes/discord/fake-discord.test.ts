import { once } from 'node:events';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type GuildMember,
  type Interaction,
  LabelBuilder,
  type Message,
  MessageFlags,
  ModalBuilder,
  Partials,
  Routes,
  TextInputBuilder,
  TextInputStyle,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withTimeout } from '../shared/recorder.ts';
import { FakeDiscord } from './index.ts';

let fake: FakeDiscord;
let client: Client;
const joined: string[] = [];
const dms: Message[] = [];

async function handle(interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand() && interaction.commandName === 'checkin') {
    const group = interaction.options.getSubcommandGroup(false);
    const sub = interaction.options.getSubcommand();
    const mood = interaction.options.getString('mood', true);
    const score = interaction.options.getInteger('score') ?? 0;
    const buddy = interaction.options.getUser('buddy')?.username ?? 'nobody';
    await interaction.reply({
      content: `${group}/${sub} mood=${mood} score=${score} buddy=${buddy}`,
      flags: MessageFlags.Ephemeral,
    });
  } else if (interaction.isChatInputCommand() && interaction.commandName === 'flag') {
    const modal = new ModalBuilder()
      .setCustomId('flag_modal')
      .setTitle('Private flag')
      .addLabelComponents(
        new LabelBuilder()
          .setLabel('What came up?')
          .setTextInputComponent(
            new TextInputBuilder().setCustomId('reason').setStyle(TextInputStyle.Paragraph),
          ),
      );
    await interaction.showModal(modal);
  } else if (interaction.isModalSubmit()) {
    await interaction.reply({
      content: `flagged: ${interaction.fields.getTextInputValue('reason')}`,
      flags: MessageFlags.Ephemeral,
    });
  } else if (interaction.isButton()) {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await interaction.editReply(`pressed ${interaction.customId} on ${interaction.message.id}`);
  } else if (interaction.isStringSelectMenu()) {
    await interaction.update({ content: `picked ${interaction.values.join(',')}`, components: [] });
  }
}

// Each test has a world of its own: a fresh fake Discord and a client logged in to it, so the
// log-in handshake, the guild's members and the recorded calls are this test's alone.
beforeEach(async () => {
  joined.length = 0;
  dms.length = 0;
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 200 });
  client = new Client({
    ...fake.clientOptions(),
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.DirectMessages],
    // DM channels are not cached until used; without Partials.Channel discord.js drops DM messageCreate.
    partials: [Partials.Channel],
    // discord.js waits 5 s (+ up to 1.5 s jitter) between IDENTIFYs of a shard; skip that in tests.
    ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => console.error('handler failed', error));
  });
  client.on(Events.GuildMemberAdd, (member: GuildMember) => joined.push(member.user.username));
  client.on(Events.MessageCreate, (message) => {
    if (message.author.bot) return;
    dms.push(message);
    void message.channel.send(`you said: ${message.content}`);
  });
  const ready = once(client, Events.ClientReady);
  await client.login(fake.token);
  await ready;
});

afterEach(async () => {
  await client.destroy();
  await fake.close();
});

/** Registers the `checkin` command (a bulk overwrite, so calling it again changes nothing). */
async function registerCheckin(): Promise<void> {
  await client.application?.commands.set([
    {
      name: 'checkin',
      description: 'Check in with your team',
      options: [
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'team',
          description: 'Team check-ins',
          options: [
            { type: ApplicationCommandOptionType.Subcommand, name: 'start', description: 'Start one' },
          ],
        },
      ],
    },
  ]);
}

describe('discord.js against the fake', () => {
  it('logs in over REST + gateway with JSON and no compression', async () => {
    expect(client.user?.id).toBe(fake.world.botUser.id);
    expect(client.guilds.cache.get(fake.world.guild().id)?.members.cache.size).toBe(4);
    const [connect] = await fake.gateway.waitFor('connect');
    expect(connect?.detail).toEqual({ path: '/', query: { v: '10', encoding: 'json' } });
    const identify = fake.gateway.identifies()[0];
    expect(identify?.compress).toBe(false);
    expect(identify?.intents).toBe(
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMembers | GatewayIntentBits.DirectMessages,
    );
    await fake.gateway.waitFor('heartbeat', 2);
  });

  it('records registered application commands', async () => {
    await registerCheckin();
    expect(fake.registeredCommands().map((command) => command.name)).toEqual(['checkin']);
    const bad = await client.application?.commands
      .create({ name: 'Bad Name', description: 'x' })
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(DiscordAPIError);
  });

  it('handles a slash subcommand in a group with options and records the reply', async () => {
    await registerCheckin();
    const sent = fake.slashCommand({
      name: 'checkin',
      group: 'team',
      subcommand: 'start',
      options: { mood: 'steady', score: 4, buddy: { type: ApplicationCommandOptionType.User, value: 'bob' } },
    });
    const reply = await sent.reply();
    expect(reply.type).toBe(4);
    expect(reply.data).toMatchObject({
      content: 'team/start mood=steady score=4 buddy=bob',
      flags: MessageFlags.Ephemeral,
    });
    expect(sent.payload.data.id).toBe(fake.registeredCommands()[0]?.id);
  });

  it('handles a button press: deferred reply then @original edit', async () => {
    const channel = await client.channels.fetch(fake.world.channel('general').id);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    const posted = await channel.send({
      content: 'Ready?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('go').setLabel('Go').setStyle(ButtonStyle.Primary),
        ),
      ],
    });
    const sent = fake.button({ customId: 'go', messageId: posted.id, user: 'carol' });
    expect((await sent.reply()).type).toBe(5);
    const edit = await fake.rest.waitForCall('PATCH /webhooks/:appId/:token/messages/:messageId');
    expect(edit.params.messageId).toBe('@original');
    expect(edit.body).toMatchObject({ content: `pressed go on ${posted.id}` });
    expect(edit.status).toBe(200);
  });

  it('handles a string select with an update', async () => {
    const reply = await fake.stringSelect({ customId: 'pick', values: ['a', 'b'] }).reply();
    expect(reply).toMatchObject({ type: 7, data: { content: 'picked a,b', components: [] } });
  });

  it('shows a modal and handles its submission, mirroring the modal layout', async () => {
    const modal = await fake.slashCommand({ name: 'flag' }).reply();
    expect(modal.type).toBe(9);
    expect(() => fake.modalSubmit({ customId: 'flag_modal', fields: { nope: 'x' } })).toThrow(/no input/);
    const submit = fake.modalSubmit({ customId: 'flag_modal', fields: { reason: 'a hard call' } });
    expect(submit.payload.data.components[0]?.type).toBe(18);
    const reply = await submit.reply();
    expect(reply.data).toMatchObject({ content: 'flagged: a hard call' });
  });

  it('delivers DMs (MESSAGE_CREATE) and GUILD_MEMBER_ADD', async () => {
    const dm = fake.sendDirectMessage({ from: 'alice', content: 'hello bot' });
    const answer = await fake.rest.waitForCall('POST /channels/:channelId/messages');
    expect(answer.params.channelId).toBe(dm.channel_id);
    expect(answer.body).toMatchObject({ content: 'you said: hello bot' });
    expect(dms.at(-1)?.content).toBe('hello bot');

    const memberAdded = once(client, Events.GuildMemberAdd);
    fake.addGuildMember({ username: 'dana', globalName: 'Dana' });
    await withTimeout(memberAdded, 2_000, 'guildMemberAdd');
    expect(joined).toContain('dana');
  });

  it('handles a slash command in a DM and filters events by intents', async () => {
    const reply = await fake
      .slashCommand({ name: 'checkin', subcommand: 'dm', options: { mood: 'quiet' }, dm: true })
      .reply();
    expect(reply.data).toMatchObject({ content: 'null/dm mood=quiet score=0 buddy=nobody' });

    // The client did not ask for GuildMessages: Discord would not send this, and neither does the fake.
    const message = fake.sendGuildMessage({ from: 'bob', content: 'hello channel' });
    const suppressed = await fake.gateway.events.waitFor(
      (event) => event.kind === 'suppressed' && (event.detail as { id?: string }).id === message.id,
      1_000,
      'the guild message to be suppressed',
    );
    expect(suppressed.detail).toMatchObject({
      event: 'MESSAGE_CREATE',
      missingIntent: GatewayIntentBits.GuildMessages,
    });
  });

  it('rejects callbacks for unknown interactions like Discord (10062)', async () => {
    const error = await client.rest
      .post(Routes.interactionCallback('1', 'nope'), {
        body: { type: 4, data: { content: 'x' } },
        auth: false,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10062);
  });

  it('retries after an injected 429 with Discord rate-limit headers', async () => {
    const limited: number[] = [];
    client.rest.once('rateLimited', (info) => limited.push(info.retryAfter));
    fake.rest.failNext('POST /channels/:channelId/messages', { status: 429, retryAfterSec: 0.2 });
    const channel = await client.channels.fetch(fake.world.channel('peer-support').id);
    if (!channel?.isSendable()) throw new Error('not sendable');
    const started = Date.now();
    await channel.send('after the limit');
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    const attempts = fake.rest.calls('POST /channels/:channelId/messages');
    expect(attempts.map((call) => call.status)).toEqual([429, 200]);
    expect(limited[0]).toBeGreaterThanOrEqual(200);
  });

  it('resumes after a dropped connection and replays what was missed', async () => {
    const identifies = fake.gateway.identifyCount;
    await fake.gateway.dropConnection(4000);
    // Dispatched while disconnected: buffered and replayed on RESUME.
    const sent = fake.slashCommand({ name: 'checkin', subcommand: 'now', options: { mood: 'ok' } });
    await fake.gateway.waitFor('resumed', 1);
    expect((await sent.reply()).data).toMatchObject({ content: 'null/now mood=ok score=0 buddy=nobody' });
    expect(fake.gateway.identifyCount).toBe(identifies);
  });

  it('re-identifies after a non-resumable invalid session and keeps working', async () => {
    const identifies = fake.gateway.identifyCount;
    fake.gateway.invalidateSession(false);
    await fake.gateway.waitFor('identify', identifies + 1);
    await fake.gateway.waitFor('ready', identifies + 1);
    const reply = await fake
      .slashCommand({ name: 'checkin', subcommand: 'again', options: { mood: 'fine' } })
      .reply();
    expect(reply.data).toMatchObject({ content: 'null/again mood=fine score=0 buddy=nobody' });
  });
});
