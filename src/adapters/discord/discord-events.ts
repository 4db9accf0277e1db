// Discord's events -> neutral ChatEvents. Only shapes change here: which command, which
// button, what was typed, who and where; never what it means.
//
// Event ids, which the router uses to drop re-deliveries (Discord replays missed events
// after a RESUME): the interaction id, the message id, and for a member joining
// `member-add:<guild>:<user>:<joined timestamp>` (Discord gives that event no id).

import {
  ApplicationCommandOptionType,
  type BaseInteraction,
  type GuildMember,
  type Message,
  PermissionFlagsBits,
} from 'discord.js';
import type { ChatEvent, CommandOptionValue, EventOfKind, FormValues, MessageRef } from '../../chat/index.ts';
import { discordAttachments } from './discord-attachments.ts';
import { parseDiscordCustomId } from './render-components.ts';

/** Who and where, taken from Discord once so every event kind is built the same way. */
export interface Origin {
  readonly workspaceId: string;
  readonly userId: string;
  readonly displayName?: string;
  /** Manage Server (or Administrator, or owner), from the interaction: no REST call needed. */
  readonly isWorkspaceAdmin?: boolean;
  /** The interaction's `locale` (the user's client language): Discord never puts it on the user. */
  readonly locale?: string;
  readonly channelId?: string;
  readonly isDirect: boolean;
}

/** The part of discord.js's command option tree this reads. */
export interface OptionNode {
  readonly name: string;
  readonly type: ApplicationCommandOptionType;
  readonly value?: string | number | boolean;
  readonly options?: readonly OptionNode[];
}

/** `/peer team role user:… role:…` arrives as group -> subcommand -> options. */
export function commandPathAndOptions(data: readonly OptionNode[]): {
  path: string[];
  options: Record<string, CommandOptionValue>;
} {
  const path: string[] = [];
  let level = data;
  for (;;) {
    const [only] = level;
    const nested =
      level.length === 1 &&
      only !== undefined &&
      (only.type === ApplicationCommandOptionType.Subcommand ||
        only.type === ApplicationCommandOptionType.SubcommandGroup);
    if (!nested) break;
    path.push(only.name);
    level = only.options ?? [];
  }
  const options: Record<string, CommandOptionValue> = {};
  for (const option of level) {
    if (option.value !== undefined) options[option.name] = option.value;
  }
  return { path, options };
}

function base(eventId: string, origin: Origin) {
  return {
    eventId,
    actor: {
      platform: 'discord' as const,
      workspaceId: origin.workspaceId,
      userId: origin.userId,
      ...(origin.displayName ? { displayName: origin.displayName } : {}),
      ...(origin.isWorkspaceAdmin === undefined ? {} : { isWorkspaceAdmin: origin.isWorkspaceAdmin }),
      ...(origin.locale ? { locale: origin.locale } : {}),
    },
    place: {
      ...(origin.channelId ? { channelId: origin.channelId } : {}),
      isDirect: origin.isDirect,
    },
  };
}

export function commandEvent(eventId: string, origin: Origin, data: readonly OptionNode[]): ChatEvent {
  return { ...base(eventId, origin), kind: 'command', ...commandPathAndOptions(data) };
}

/** A button carries its value in the custom id; a select gives the picked option instead. */
export function actionEvent(
  eventId: string,
  origin: Origin,
  customId: string,
  picked: readonly string[] | undefined,
  messageId: string | undefined,
): ChatEvent {
  const parsed = parseDiscordCustomId(customId);
  const value = picked ? picked[0] : parsed.value;
  const message: MessageRef | undefined =
    messageId && origin.channelId
      ? {
          platform: 'discord',
          workspaceId: origin.workspaceId,
          channelId: origin.channelId,
          messageId,
        }
      : undefined;
  return {
    ...base(eventId, origin),
    kind: 'action',
    actionId: parsed.actionId,
    ...(value === undefined ? {} : { value }),
    ...(message ? { message } : {}),
  };
}

export function formEvent(
  eventId: string,
  origin: Origin,
  formId: string,
  context: string | undefined,
  values: FormValues,
): ChatEvent {
  return {
    ...base(eventId, origin),
    kind: 'form',
    formId,
    ...(context === undefined ? {} : { context }),
    values,
  };
}

export function directMessageEvent(message: Message, workspaceId: string): ChatEvent {
  return {
    ...base(message.id, {
      workspaceId,
      userId: message.author.id,
      displayName: message.author.displayName,
      channelId: message.channelId,
      isDirect: true,
    }),
    kind: 'direct-message',
    text: message.content,
    ...(message.attachments.size > 0 ? { attachments: discordAttachments(message) } : {}),
  };
}

/**
 * Discord does not say which channel a new member belongs to, and a guild may hold several
 * team channels; the guild's system channel (where Discord itself greets newcomers) stands
 * in. Undefined when the guild has none: then there is no team to join.
 */
export function memberJoinedEvent(member: GuildMember): EventOfKind<'member-joined'> | undefined {
  const channelId = member.guild.systemChannelId;
  if (!channelId) return undefined;
  const origin: Origin = {
    workspaceId: member.guild.id,
    userId: member.id,
    displayName: member.displayName,
    channelId,
    isDirect: false,
  };
  const eventId = `member-add:${member.guild.id}:${member.id}:${member.joinedTimestamp ?? 0}`;
  return { ...base(eventId, origin), kind: 'member-joined', channelId };
}

/**
 * Who pressed or typed, and where; `workspaceId` is resolved by the caller for DMs.
 * In a cached guild the member (roles from this interaction's payload) and the guild (owner and
 * role permissions, kept current by the gateway) give Manage Server without asking Discord.
 * Guild-wide permissions, not the channel's, as `lookupUser` computes them.
 */
export function originOf(interaction: BaseInteraction, workspaceId: string): Origin {
  const cached = interaction.inCachedGuild();
  const displayName = cached ? interaction.member.displayName : interaction.user.displayName;
  return {
    workspaceId,
    userId: interaction.user.id,
    displayName,
    ...(cached
      ? { isWorkspaceAdmin: interaction.member.permissions.has(PermissionFlagsBits.ManageGuild) }
      : {}),
    ...(interaction.locale ? { locale: interaction.locale } : {}),
    ...(interaction.channelId ? { channelId: interaction.channelId } : {}),
    isDirect: !interaction.inGuild(),
  };
}
