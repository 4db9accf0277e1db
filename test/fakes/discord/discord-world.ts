import { ChannelType, PermissionFlagsBits as P } from 'discord.js';
import { snowflake } from './discord-ids.ts';

/**
 * The fake Discord's state: the application, its bot user, guilds with channels/roles/members, users,
 * DM channels and messages. REST, gateway and interaction builders all read and write this one object,
 * so an ID seen in one place resolves in the others.
 */

export interface WorldUser {
  id: string;
  username: string;
  globalName: string | null;
  bot: boolean;
}

export interface WorldMember {
  userId: string;
  roleIds: string[];
  nick: string | null;
  joinedAt: string;
}

export interface WorldRole {
  id: string;
  name: string;
  permissions: bigint;
  position: number;
}

export interface WorldChannel {
  id: string;
  type: ChannelType.GuildText | ChannelType.GuildCategory | ChannelType.DM | ChannelType.PublicThread;
  name: string | null;
  guildId: string | null;
  /** Threads only: the channel it was started in (its id is its starter message's). */
  parentId?: string;
  /** DM channels only. */
  recipientId: string | null;
  lastMessageId: string | null;
  /** Permission overwrites (type 0 role, 1 member), as GET /channels/{id} lists them. */
  overwrites?: { id: string; type: 0 | 1; allow: bigint; deny: bigint }[];
}

export interface WorldGuild {
  id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  channelIds: string[];
  roles: WorldRole[];
  members: Map<string, WorldMember>;
}

export interface MemberSeed {
  id?: string;
  username: string;
  globalName?: string;
  /** Role names or IDs. */
  roles?: string[];
  nick?: string;
  bot?: boolean;
}

export interface GuildSeed {
  id?: string;
  name?: string;
  channels?: { id?: string; name: string; type?: 'text' | 'category' }[];
  roles?: { id?: string; name: string; permissions?: bigint }[];
  members?: MemberSeed[];
}

export interface DiscordWorldOptions {
  applicationId?: string;
  applicationName?: string;
  bot?: { id?: string; username?: string };
  /** Defaults to one guild, "PeerBridge Test Guild", with #general and #peer-support and three members. */
  guilds?: GuildSeed[];
}

/** Roughly what a default @everyone role has. */
export const EVERYONE_PERMISSIONS =
  P.CreateInstantInvite |
  P.AddReactions |
  P.ViewChannel |
  P.SendMessages |
  P.EmbedLinks |
  P.AttachFiles |
  P.ReadMessageHistory |
  P.UseExternalEmojis |
  P.Connect |
  P.Speak |
  P.ChangeNickname |
  P.UseApplicationCommands |
  P.CreatePublicThreads |
  P.SendMessagesInThreads;
export const ADMINISTRATOR = P.Administrator;

export const DEFAULT_GUILD: GuildSeed = {
  name: 'PeerBridge Test Guild',
  channels: [{ name: 'general' }, { name: 'peer-support' }],
  roles: [{ name: 'Peer Supporter' }, { name: 'Supervisor' }],
  members: [
    { username: 'alice', globalName: 'Alice', roles: ['Peer Supporter'] },
    { username: 'bob', globalName: 'Bob' },
    { username: 'carol', globalName: 'Carol', roles: ['Supervisor'] },
  ],
};

export class DiscordWorld {
  readonly applicationId: string;
  readonly applicationName: string;
  readonly botUser: WorldUser;
  readonly users = new Map<string, WorldUser>();
  readonly guilds: WorldGuild[] = [];
  readonly channels = new Map<string, WorldChannel>();

  constructor(options: DiscordWorldOptions = {}) {
    this.applicationId = options.applicationId ?? snowflake();
    this.applicationName = options.applicationName ?? 'PeerBridge';
    this.botUser = {
      id: options.bot?.id ?? this.applicationId,
      username: options.bot?.username ?? 'PeerBridge',
      globalName: null,
      bot: true,
    };
    this.users.set(this.botUser.id, this.botUser);
    for (const seed of options.guilds ?? [DEFAULT_GUILD]) this.addGuild(seed);
  }

  addGuild(seed: GuildSeed): WorldGuild {
    const id = seed.id ?? snowflake();
    const guild: WorldGuild = {
      id,
      name: seed.name ?? 'Test Guild',
      ownerId: '',
      joinedAt: new Date().toISOString(),
      channelIds: [],
      roles: [{ id, name: '@everyone', permissions: EVERYONE_PERMISSIONS, position: 0 }],
      members: new Map(),
    };
    for (const [index, role] of (seed.roles ?? []).entries()) {
      const permissions = role.permissions ?? 0n;
      guild.roles.push({ id: role.id ?? snowflake(), name: role.name, permissions, position: index + 1 });
    }
    for (const channel of seed.channels ?? [{ name: 'general' }]) {
      const record: WorldChannel = {
        id: channel.id ?? snowflake(),
        type: channel.type === 'category' ? ChannelType.GuildCategory : ChannelType.GuildText,
        name: channel.name,
        guildId: id,
        recipientId: null,
        lastMessageId: null,
      };
      this.channels.set(record.id, record);
      guild.channelIds.push(record.id);
    }
    this.guilds.push(guild);
    const members = seed.members ?? [];
    const owner = members[0] ? this.addMember(guild, members[0]) : undefined;
    for (const member of members.slice(1)) this.addMember(guild, member);
    guild.ownerId = owner?.userId ?? this.botUser.id;
    guild.members.set(this.botUser.id, {
      userId: this.botUser.id,
      roleIds: [],
      nick: null,
      joinedAt: guild.joinedAt,
    });
    return guild;
  }

  addMember(guild: WorldGuild, seed: MemberSeed): WorldMember {
    const user = this.users.get(seed.id ?? '') ?? {
      id: seed.id ?? snowflake(),
      username: seed.username,
      globalName: seed.globalName ?? null,
      bot: seed.bot ?? false,
    };
    this.users.set(user.id, user);
    const roleIds = (seed.roles ?? []).map((nameOrId) => {
      const role = guild.roles.find((candidate) => candidate.id === nameOrId || candidate.name === nameOrId);
      if (!role) throw new Error(`fake-discord: guild ${guild.name} has no role "${nameOrId}"`);
      return role.id;
    });
    const member: WorldMember = {
      userId: user.id,
      roleIds,
      nick: seed.nick ?? null,
      joinedAt: new Date().toISOString(),
    };
    guild.members.set(user.id, member);
    return member;
  }

  /** The first guild unless an id is given. */
  guild(id?: string): WorldGuild {
    const guild = id === undefined ? this.guilds[0] : this.guilds.find((candidate) => candidate.id === id);
    if (!guild) throw new Error(`fake-discord: no guild ${id ?? '(none configured)'}`);
    return guild;
  }

  /** A user by id or username. */
  user(idOrName: string): WorldUser {
    const user =
      this.users.get(idOrName) ??
      [...this.users.values()].find((candidate) => candidate.username === idOrName);
    if (!user) throw new Error(`fake-discord: no user "${idOrName}"`);
    return user;
  }

  /** A guild text channel by id or name (first guild by default). */
  channel(idOrName: string, guildId?: string): WorldChannel {
    const byId = this.channels.get(idOrName);
    if (byId) return byId;
    const guild = this.guild(guildId);
    const channel = guild.channelIds
      .map((id) => this.channels.get(id))
      .find((candidate) => candidate?.name === idOrName);
    if (!channel) throw new Error(`fake-discord: no channel "${idOrName}" in ${guild.name}`);
    return channel;
  }

  /** The bot's DM channel with a user (created on first use, stable afterwards, like Discord). */
  dmChannelFor(userId: string): WorldChannel {
    const existing = [...this.channels.values()].find(
      (channel) => channel.type === ChannelType.DM && channel.recipientId === userId,
    );
    if (existing) return existing;
    const channel: WorldChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      name: null,
      guildId: null,
      recipientId: userId,
      lastMessageId: null,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  memberPermissions(guild: WorldGuild, member: WorldMember): bigint {
    if (guild.ownerId === member.userId) return ADMINISTRATOR | EVERYONE_PERMISSIONS;
    return guild.roles
      .filter((role) => role.id === guild.id || member.roleIds.includes(role.id))
      .reduce((all, role) => all | role.permissions, 0n);
  }
}
