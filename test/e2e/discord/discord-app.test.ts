// The whole app on Discord: config from the environment, the real discord.js against the
// fake Discord, features on a cloned test database.

import type { APIApplicationCommandOption } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp } from '../../../src/app.ts';
import { FakeDiscord } from '../../fakes/discord/index.ts';
import { startTestApp } from '../../support/app-harness.ts';
import { answerSeen } from './answers.ts';

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
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const names = (options: readonly APIApplicationCommandOption[] | undefined) =>
  (options ?? []).map((option) => option.name);

function option(options: readonly APIApplicationCommandOption[] | undefined, name: string) {
  const found = (options ?? []).find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no option ${name} in ${names(options).join(', ')}`);
  return found;
}

const nested = (found: APIApplicationCommandOption) => ('options' in found ? found.options : undefined);

describe('PeerBridge on Discord', () => {
  it('registers /peer on the configured server with real subcommands and options', () => {
    const [peer, ...others] = fake.registeredCommands(fake.world.guild().id);
    expect(others).toHaveLength(0);
    expect(fake.registeredCommands()).toHaveLength(0);
    expect(peer?.name).toBe('peer');

    const setup = option(peer?.options, 'setup');
    expect(setup.type).toBe(1);
    expect(names(nested(setup))).toEqual(['timezone', 'region', 'language', 'name']);

    const team = option(peer?.options, 'team');
    expect(team.type).toBe(2);
    expect(names(nested(team))).toEqual(expect.arrayContaining(['role', 'supervisor', 'show']));
    const role = option(nested(team), 'role');
    expect(nested(role)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'user', type: 3, required: true }),
        expect.objectContaining({
          name: 'role',
          type: 3,
          choices: [
            { name: 'member', value: 'member' },
            { name: 'supervisor', value: 'supervisor' },
            { name: 'admin', value: 'admin' },
          ],
        }),
      ]),
    );
    expect(option(peer?.options, 'help').type).toBe(1);
  });

  it('sets up a team in public, then shows its admin the admin commands in private', async () => {
    const channel = fake.world.channel('peer-support');
    const setup = await answerSeen(
      fake,
      fake.slashCommand({
        name: 'peer',
        subcommand: 'setup',
        channel: 'peer-support',
        user: 'alice',
        options: { timezone: 'Europe/Berlin', region: 'GB', name: 'Night shift' },
      }),
      'public',
    );
    expect(setup.ephemeral).toBe(false);
    expect(setup.content).toContain('This channel is now the team "Night shift"');

    const team = await app.storage.db.prisma.team.findFirst({ where: { channelId: channel.id } });
    expect(team).toMatchObject({ name: 'Night shift', timeZone: 'Europe/Berlin', crisisRegion: 'GB' });

    const helpSent = fake.slashCommand({
      name: 'peer',
      subcommand: 'help',
      channel: 'peer-support',
      user: 'alice',
    });
    const help = await answerSeen(fake, helpSent, 'private');
    expect(help.ephemeral).toBe(true);
    // Help outgrows one Discord message (2,000 characters): the admins' part may come in a
    // private follow-up of the same interaction.
    const adminPart = help.content.includes('For team admins')
      ? help.content
      : JSON.stringify(
          (
            await fake.rest.waitForCall(
              (call) =>
                call.route === 'POST /webhooks/:appId/:token' &&
                call.params.token === helpSent.token &&
                JSON.stringify(call.body).includes('For team admins'),
            )
          ).body,
        );
    expect(adminPart).toContain('For team admins');
    expect(adminPart).toContain('`/peer team role`');
  });

  it("takes Manage Server from the interaction and the gateway's guild, never asking Discord's REST API", async () => {
    fake.rest.reset();
    // alice owns the guild (so Manage Server); bob has only @everyone's permissions.
    const outboxAs = (user: string) =>
      answerSeen(
        fake,
        fake.slashCommand({ name: 'peer', group: 'admin', subcommand: 'outbox', channel: 'general', user }),
        'private',
      );
    expect((await outboxAs('alice')).content).toContain('Deliveries for this workspace');
    expect((await outboxAs('bob')).content).toContain('Only admins can see delivery status');
    const asked = fake.rest.calls((call) => call.route.startsWith('GET /guilds/'));
    expect(asked.map((call) => call.route)).toEqual([]);
  });

  it('refuses bad options privately and saves nothing', async () => {
    const teamsBefore = await app.storage.db.prisma.team.count();
    const answer = await answerSeen(
      fake,
      fake.slashCommand({
        name: 'peer',
        subcommand: 'setup',
        channel: 'general',
        user: 'bob',
        options: { timezone: 'Mars/Olympus' },
      }),
      'private',
    );
    expect(answer.ephemeral).toBe(true);
    expect(answer.content).toContain('needs a small change');
    expect(await app.storage.db.prisma.team.count()).toBe(teamsBefore);
  });

  it("welcomes a new member by direct message when the server's system channel is a team", async () => {
    const system = fake.world.guild().channelIds[0] ?? '';
    await fake
      .slashCommand({
        name: 'peer',
        subcommand: 'setup',
        channel: system,
        user: 'carol',
        options: { name: 'Days' },
      })
      .reply();

    const userId = fake.addGuildMember({ username: 'dana', globalName: 'Dana' });
    const dm = fake.world.dmChannelFor(userId);
    const welcome = await fake.rest.waitForCall(
      (call) => call.route === 'POST /channels/:channelId/messages' && call.params.channelId === dm.id,
    );
    expect(String((welcome.body as { content?: string }).content)).toContain('Welcome to Days');

    // The welcome's Flag privately button opens the flags feature's form, right from the DM.
    const button = /"custom_id":"(flags:start[^"]*)"/.exec(JSON.stringify(welcome.body))?.[1];
    expect(button).toBeDefined();
    const pressed = await fake
      .button({
        customId: button ?? '',
        user: 'dana',
        dm: true,
        messageId: (welcome.response as { id: string }).id,
      })
      .reply(60_000);
    // A modal at once, or (on a machine too busy to answer in time) a follow-up to open it.
    if (pressed.type === 9) expect(JSON.stringify(pressed.data)).toContain('flags:submit');
    else await fake.rest.waitForCall((call) => JSON.stringify(call.body ?? {}).includes('Open the form'));
  });
});
