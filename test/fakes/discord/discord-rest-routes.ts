import { ChannelType, PermissionFlagsBits } from 'discord.js';
import { asRecord, asString } from '../shared/http.ts';
import { commandRoutes } from './discord-command-routes.ts';
import { snowflake } from './discord-ids.ts';
import { interactionRoutes } from './discord-interaction-routes.ts';
import {
  apiApplication,
  apiChannel,
  apiGuild,
  apiMember,
  apiMessage,
  apiRole,
  apiUser,
} from './discord-payloads.ts';
import {
  announce,
  created,
  discordError,
  isEmptyMessage,
  noContent,
  ok,
  type Route,
  type RouteContext,
  route,
  storeMessage,
  UNKNOWN_CHANNEL,
  UNKNOWN_MESSAGE,
  withBody,
} from './discord-rest-kit.ts';
import type { WorldChannel } from './discord-world.ts';

export {
  discordError,
  filesFrom,
  type RestRequest,
  type RestResult,
  type Route,
  type RouteContext,
  type UploadedFile,
} from './discord-rest-kit.ts';

/** Every REST route of the fake: gateway info, users, application + commands, interactions, channels, guilds. */
export function buildRoutes(ctx: RouteContext): Route[] {
  const { world, store } = ctx;
  const channelOr404 = (id: string | undefined): WorldChannel | undefined =>
    id ? world.channels.get(id) : undefined;
  const botMay = (guild: (typeof world.guilds)[number], permission: bigint): boolean => {
    const bot = guild.members.get(world.botUser.id);
    const allowed = bot ? world.memberPermissions(guild, bot) : 0n;
    return (allowed & (permission | PermissionFlagsBits.Administrator)) !== 0n;
  };
  const mayManageEvents = (guild: (typeof world.guilds)[number]) =>
    botMay(guild, PermissionFlagsBits.ManageEvents);

  return [
    route('GET', '/gateway/bot', () =>
      ok({
        url: ctx.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      }),
    ),
    route('GET', '/gateway', () => ok({ url: ctx.gatewayUrl() }), false),
    route('GET', '/users/@me', () =>
      ok({ ...apiUser(world.botUser), verified: true, mfa_enabled: false, email: null }),
    ),
    route('GET', '/users/:userId', (request) => {
      const user = world.users.get(request.params.userId ?? '');
      return user ? ok(apiUser(user)) : discordError(404, 10013, 'Unknown User');
    }),
    route('POST', '/users/@me/channels', (request) => {
      const recipient = asString(asRecord(request.body).recipient_id);
      if (!recipient || !world.users.has(recipient)) return discordError(400, 50033, 'Invalid Recipient(s)');
      return ok(apiChannel(world, world.dmChannelFor(recipient)));
    }),
    route('GET', '/applications/@me', () => ok(apiApplication(world))),
    route('PATCH', '/applications/@me', () => ok(apiApplication(world))),
    ...commandRoutes(ctx, 'global'),
    ...commandRoutes(ctx, 'guild'),
    ...interactionRoutes(ctx),

    route('GET', '/channels/:channelId', (request) => {
      const channel = channelOr404(request.params.channelId);
      return channel ? ok(apiChannel(world, channel)) : UNKNOWN_CHANNEL();
    }),
    route('POST', '/channels/:channelId/typing', (request) =>
      channelOr404(request.params.channelId) ? noContent() : UNKNOWN_CHANNEL(),
    ),
    route('POST', '/channels/:channelId/messages', (request) => {
      const channel = channelOr404(request.params.channelId);
      if (!channel) return UNKNOWN_CHANNEL();
      if (isEmptyMessage(request.body, request.files))
        return discordError(400, 50006, 'Cannot send an empty message');
      const base = apiMessage({ id: snowflake(), channel, author: world.botUser });
      const message = storeMessage(ctx, withBody(base, request.body, request.files));
      announce(ctx, message);
      return ok(message);
    }),
    // A thread started from a message takes the message's id; a second start is 400 (160004).
    route('POST', '/channels/:channelId/messages/:messageId/threads', (request) => {
      const channel = channelOr404(request.params.channelId);
      const message = store.messages.get(request.params.messageId ?? '');
      if (!channel?.guildId) return UNKNOWN_CHANNEL();
      if (!message || message.channel_id !== channel.id) return UNKNOWN_MESSAGE();
      if (world.channels.has(message.id))
        return discordError(400, 160004, 'A thread has already been created for this message');
      if (!botMay(world.guild(channel.guildId), PermissionFlagsBits.CreatePublicThreads))
        return discordError(403, 50013, 'Missing Permissions');
      const name = asString(asRecord(request.body).name);
      if (!name) return discordError(400, 50035, 'Invalid Form Body');
      const thread = {
        id: message.id,
        type: ChannelType.PublicThread as const,
        name: name.slice(0, 100),
        guildId: channel.guildId,
        parentId: channel.id,
        recipientId: null,
        lastMessageId: null,
      };
      world.channels.set(thread.id, thread);
      return created({
        id: thread.id,
        type: thread.type,
        guild_id: thread.guildId,
        parent_id: thread.parentId,
        name: thread.name,
        owner_id: world.botUser.id,
      });
    }),
    route('GET', '/channels/:channelId/messages/:messageId', (request) => {
      const message = store.messages.get(request.params.messageId ?? '');
      return message && message.channel_id === request.params.channelId ? ok(message) : UNKNOWN_MESSAGE();
    }),
    route('PATCH', '/channels/:channelId/messages/:messageId', (request) => {
      const message = store.messages.get(request.params.messageId ?? '');
      if (!message || message.channel_id !== request.params.channelId) return UNKNOWN_MESSAGE();
      if (message.author.id !== world.botUser.id)
        return discordError(403, 50005, 'Cannot edit a message authored by another user');
      return ok(
        storeMessage(
          ctx,
          withBody({ ...message, edited_timestamp: new Date().toISOString() }, request.body, request.files),
        ),
      );
    }),
    route('DELETE', '/channels/:channelId/messages/:messageId', (request) =>
      store.messages.delete(request.params.messageId ?? '') ? noContent() : UNKNOWN_MESSAGE(),
    ),

    route('GET', '/guilds/:guildId', (request) => {
      const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
      return guild ? ok(apiGuild(guild)) : discordError(404, 10004, 'Unknown Guild');
    }),
    route('GET', '/guilds/:guildId/channels', (request) => {
      const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
      if (!guild) return discordError(404, 10004, 'Unknown Guild');
      return ok(
        guild.channelIds
          .map((id) => world.channels.get(id))
          .filter((c) => c !== undefined)
          .map((c) => apiChannel(world, c)),
      );
    }),
    route('POST', '/guilds/:guildId/scheduled-events', (request) => {
      const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
      if (!guild) return discordError(404, 10004, 'Unknown Guild');
      if (!mayManageEvents(guild)) return discordError(403, 50013, 'Missing Permissions');
      const body = asRecord(request.body);
      const event = { id: snowflake(), guild_id: guild.id, status: 1, ...body };
      store.scheduledEvents.set(event.id, event);
      return ok(event);
    }),
    // A change or a cancellation (status 4). Like Discord: only a scheduled event may change,
    // and it may only go on to active (2) or cancelled (4).
    route('PATCH', '/guilds/:guildId/scheduled-events/:eventId', (request) => {
      const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
      if (!guild) return discordError(404, 10004, 'Unknown Guild');
      const event = store.scheduledEvents.get(request.params.eventId ?? '');
      if (!event || event.guild_id !== guild.id)
        return discordError(404, 10070, 'Unknown Guild Scheduled Event');
      if (!mayManageEvents(guild)) return discordError(403, 50013, 'Missing Permissions');
      const body = asRecord(request.body);
      if (event.status !== 1 || (body.status !== undefined && ![2, 4].includes(Number(body.status))))
        return discordError(400, 180000, 'Cannot update event status');
      const changed = { ...event, ...body };
      store.scheduledEvents.set(event.id, changed);
      return ok(changed);
    }),
    route('GET', '/guilds/:guildId/roles', (request) => {
      const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
      return guild ? ok(guild.roles.map(apiRole)) : discordError(404, 10004, 'Unknown Guild');
    }),
    route('GET', '/guilds/:guildId/members', (request) => {
      const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
      if (!guild) return discordError(404, 10004, 'Unknown Guild');
      const limit = Number(request.query.get('limit') ?? '1');
      const after = BigInt(request.query.get('after') ?? '0');
      const members = [...guild.members.values()]
        .filter((member) => BigInt(member.userId) > after)
        .sort((a, b) => (BigInt(a.userId) < BigInt(b.userId) ? -1 : 1))
        .slice(0, limit);
      return ok(members.map((member) => apiMember(world, member)));
    }),
    route('GET', '/guilds/:guildId/members/:userId', (request) => {
      const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
      if (!guild) return discordError(404, 10004, 'Unknown Guild');
      const member = guild.members.get(request.params.userId ?? '');
      return member ? ok(apiMember(world, member)) : discordError(404, 10007, 'Unknown Member');
    }),
    ...(['PUT', 'DELETE'] as const).map((method) =>
      route(method, '/guilds/:guildId/members/:userId/roles/:roleId', (request) => {
        const guild = world.guilds.find((candidate) => candidate.id === request.params.guildId);
        if (!guild) return discordError(404, 10004, 'Unknown Guild');
        const member = guild.members.get(request.params.userId ?? '');
        if (!member) return discordError(404, 10007, 'Unknown Member');
        const roleId = request.params.roleId ?? '';
        if (!guild.roles.some((role) => role.id === roleId)) return discordError(404, 10011, 'Unknown Role');
        member.roleIds = member.roleIds
          .filter((id) => id !== roleId)
          .concat(method === 'PUT' ? [roleId] : []);
        ctx.dispatch('GUILD_MEMBER_UPDATE', { guild_id: guild.id, ...apiMember(world, member) });
        return noContent();
      }),
    ),
  ];
}
