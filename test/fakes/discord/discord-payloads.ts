import {
  type APIApplication,
  type APIChannel,
  type APIGuild,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  ApplicationFlags,
  type ChannelFlags,
  ChannelType,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  type GuildMemberFlags,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  type GuildSystemChannelFlags,
  GuildVerificationLevel,
  Locale,
  MessageType,
  type RoleFlags,
  type UserFlags,
} from 'discord.js';
import type {
  DiscordWorld,
  WorldChannel,
  WorldGuild,
  WorldMember,
  WorldRole,
  WorldUser,
} from './discord-world.ts';

/**
 * Pure builders for the JSON Discord sends, typed with discord-api-types (re-exported by discord.js) so
 * missing fields are compile errors rather than runtime crashes inside discord.js.
 */

export function apiUser(user: WorldUser): APIUser {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.bot ? '0001' : '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    banner: null,
    accent_color: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    avatar_decoration_data: null,
  };
}

export function apiMember(world: DiscordWorld, member: WorldMember): APIGuildMember {
  return {
    user: apiUser(world.user(member.userId)),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roleIds],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };
}

export function apiRole(role: WorldRole): APIRole {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: false,
    mentionable: false,
    flags: 0 as RoleFlags,
  };
}

export function apiChannel(world: DiscordWorld, channel: WorldChannel): APIChannel {
  if (channel.type === ChannelType.DM) {
    return {
      id: channel.id,
      type: ChannelType.DM,
      name: null,
      last_message_id: channel.lastMessageId,
      last_pin_timestamp: null,
      flags: 0 as ChannelFlags,
      recipients: channel.recipientId ? [apiUser(world.user(channel.recipientId))] : [],
    };
  }
  const guildId = channel.guildId ?? '';
  const position = world.guild(guildId).channelIds.indexOf(channel.id);
  if (channel.type === ChannelType.GuildCategory) {
    return {
      id: channel.id,
      type: ChannelType.GuildCategory,
      guild_id: guildId,
      name: channel.name ?? 'category',
      position,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      flags: 0 as ChannelFlags,
    };
  }
  return {
    id: channel.id,
    type: ChannelType.GuildText,
    guild_id: guildId,
    name: channel.name ?? 'channel',
    position,
    permission_overwrites: (channel.overwrites ?? []).map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
    parent_id: null,
    topic: null,
    nsfw: false,
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    last_pin_timestamp: null,
    default_auto_archive_duration: 1440,
    default_thread_rate_limit_per_user: 0,
    flags: 0 as ChannelFlags,
  };
}

/** A guild as REST's GET /guilds/{id} returns it. */
export function apiGuild(guild: WorldGuild): APIGuild {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    banner: null,
    description: null,
    features: [],
    vanity_url_code: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    region: 'us-west',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: guild.roles.map(apiRole),
    emojis: [],
    stickers: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: guild.channelIds[0] ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
  };
}

/** The GUILD_CREATE a bot receives after READY (full member list: the test guilds are small). */
export function guildCreate(world: DiscordWorld, guild: WorldGuild): GatewayGuildCreateDispatchData {
  const channels = guild.channelIds.map((id) => world.channels.get(id)).filter((c) => c !== undefined);
  return {
    ...apiGuild(guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    member_count: guild.members.size,
    voice_states: [],
    members: [...guild.members.values()].map((member) => apiMember(world, member)),
    channels: channels.map((channel) =>
      apiChannel(world, channel),
    ) as GatewayGuildCreateDispatchData['channels'],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A small bot that may use the GuildMembers and MessageContent intents without verification. */
const APPLICATION_FLAGS =
  ApplicationFlags.GatewayGuildMembersLimited | ApplicationFlags.GatewayMessageContentLimited;

export function apiApplication(world: DiscordWorld): APIApplication {
  return {
    id: world.applicationId,
    name: world.applicationName,
    icon: null,
    description: 'PeerBridge (fake)',
    bot_public: false,
    bot_require_code_grant: false,
    bot: apiUser(world.botUser),
    verify_key: '0'.repeat(64),
    owner: apiUser(world.botUser),
    team: null,
    summary: '',
    flags: APPLICATION_FLAGS,
    flags_new: String(APPLICATION_FLAGS),
    approximate_guild_count: world.guilds.length,
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    event_webhooks_status: 1,
  } as APIApplication;
}

export function readyData(
  world: DiscordWorld,
  sessionId: string,
  resumeGatewayUrl: string,
): GatewayReadyDispatchData & Record<string, unknown> {
  return {
    v: 10,
    user: { ...apiUser(world.botUser), verified: true, mfa_enabled: false, email: null },
    guilds: world.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
    session_id: sessionId,
    session_type: 'normal',
    resume_gateway_url: resumeGatewayUrl,
    shard: [0, 1],
    application: { id: world.applicationId, flags: APPLICATION_FLAGS, flags_new: String(APPLICATION_FLAGS) },
    user_settings: {},
    private_channels: [],
    presences: [],
    relationships: [],
    guild_join_requests: [],
    geo_ordered_rtc_regions: ['fake-region'],
    auth: {},
  };
}

export interface MessageSeed {
  id: string;
  channel: WorldChannel;
  author: WorldUser;
  content?: string;
  embeds?: APIMessage['embeds'];
  components?: APIMessage['components'];
  flags?: number;
  webhookId?: string;
  applicationId?: string;
  attachments?: APIMessage['attachments'];
  interactionMetadata?: APIMessage['interaction_metadata'];
}

/** A message object as REST returns it (MESSAGE_CREATE adds guild_id/member, see gatewayMessage()). */
export function apiMessage(seed: MessageSeed): APIMessage {
  return {
    id: seed.id,
    channel_id: seed.channel.id,
    author: apiUser(seed.author),
    content: seed.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: seed.attachments ?? [],
    embeds: seed.embeds ?? [],
    pinned: false,
    type: seed.interactionMetadata ? MessageType.ChatInputCommand : MessageType.Default,
    flags: seed.flags ?? 0,
    components: seed.components ?? [],
    ...(seed.webhookId ? { webhook_id: seed.webhookId } : {}),
    ...(seed.applicationId ? { application_id: seed.applicationId } : {}),
    ...(seed.interactionMetadata ? { interaction_metadata: seed.interactionMetadata } : {}),
  };
}
