import {
  type APIActionRowComponent,
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIComponentInMessageActionRow,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIModalSubmission,
  type APIModalSubmissionComponent,
  type APIModalSubmitInteraction,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type ModalSubmitComponent,
} from 'discord.js';
import { asRecord, asString } from '../shared/http.ts';
import { interactionToken, snowflake } from './discord-ids.ts';
import { apiChannel, apiMember, apiMessage, apiRole, apiUser } from './discord-payloads.ts';
import type { DiscordWorld, WorldChannel, WorldGuild, WorldMember, WorldUser } from './discord-world.ts';

/** Where an interaction happens. Defaults: user "alice", first guild, its first text channel. */
export interface InteractionPlace {
  /** User id or username. */
  user?: string;
  guildId?: string;
  /** Channel id or name (guild interactions). */
  channel?: string;
  /** In the bot's DM with the user instead of a guild. */
  dm?: boolean;
  locale?: Locale;
}

export type OptionValue =
  | string
  | number
  | boolean
  | {
      type:
        | ApplicationCommandOptionType.User
        | ApplicationCommandOptionType.Channel
        | ApplicationCommandOptionType.Role;
      value: string;
    }
  | { type: ApplicationCommandOptionType; value: string | number | boolean };

export interface SlashCommandInteractionOptions extends InteractionPlace {
  name: string;
  group?: string;
  subcommand?: string;
  /** Option name → value; strings/booleans/integers/numbers are typed automatically. */
  options?: Record<string, OptionValue>;
}

export interface ComponentInteractionOptions extends InteractionPlace {
  customId: string;
  /** The message the component sits on; defaults to a bot message with that component. */
  message?: APIMessage;
  /** Or the id of a message the bot sent through the fake REST API. */
  messageId?: string;
}

export interface SelectInteractionOptions extends ComponentInteractionOptions {
  values: string[];
}

export type ModalFieldValue = string | string[] | boolean | null;

export interface ModalSubmitInteractionOptions extends InteractionPlace {
  customId: string;
  /** custom_id of each input → what the user entered or picked. */
  fields: Record<string, ModalFieldValue>;
  /** Layout if the app never showed this modal through the fake: legacy action rows or labels. */
  layout?: 'action_row' | 'label';
  message?: APIMessage;
}

/** What the builders need from the REST side. */
export interface InteractionLookups {
  commandId(name: string, guildId: string | null): string | undefined;
  /** `data` of the last modal (callback type 9) the app showed with this custom_id. */
  lastModal(customId: string): Record<string, unknown> | undefined;
  message(id: string): APIMessage | undefined;
}

type Place =
  | { dm: true; user: WorldUser; guildId: null; channel: WorldChannel; locale: Locale | undefined }
  | {
      dm: false;
      user: WorldUser;
      guildId: string;
      guild: WorldGuild;
      member: WorldMember;
      channel: WorldChannel;
      locale: Locale | undefined;
    };

export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export class InteractionBuilder {
  constructor(
    private readonly world: DiscordWorld,
    private readonly lookups: InteractionLookups,
  ) {}

  slashCommand(options: SlashCommandInteractionOptions): APIChatInputApplicationCommandInteraction {
    const place = this.#place(options);
    const resolved: APIInteractionDataResolved = {};
    const leafOptions = Object.entries(options.options ?? {}).map(([name, value]) =>
      this.#option(name, value, resolved, place.guildId),
    );
    let commandOptions: APIApplicationCommandInteractionDataOption[] = leafOptions;
    if (options.subcommand) {
      const sub: APIApplicationCommandInteractionDataOption = {
        type: ApplicationCommandOptionType.Subcommand,
        name: options.subcommand,
        options: leafOptions,
      };
      commandOptions = options.group
        ? [{ type: ApplicationCommandOptionType.SubcommandGroup, name: options.group, options: [sub] }]
        : [sub];
    } else if (options.group) {
      throw new Error('fake-discord: a subcommand group needs a subcommand');
    }
    const guildId = options.dm ? null : place.guildId;
    const commandId = this.lookups.commandId(options.name, guildId) ?? snowflake();
    return {
      ...this.#base(place),
      type: InteractionType.ApplicationCommand,
      data: {
        id: commandId,
        name: options.name,
        type: ApplicationCommandType.ChatInput,
        ...(guildId ? { guild_id: guildId } : {}),
        options: commandOptions,
        ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      },
    };
  }

  button(options: ComponentInteractionOptions): APIMessageComponentInteraction {
    const place = this.#place(options);
    const message =
      this.#message(options) ??
      this.#botMessage(place.channel, [
        {
          type: ComponentType.Button,
          style: ButtonStyle.Primary,
          label: 'Button',
          custom_id: options.customId,
        },
      ]);
    return {
      ...this.#base(place),
      type: InteractionType.MessageComponent,
      message,
      data: { custom_id: options.customId, component_type: ComponentType.Button },
    };
  }

  stringSelect(options: SelectInteractionOptions): APIMessageComponentInteraction {
    const place = this.#place(options);
    const message =
      this.#message(options) ??
      this.#botMessage(place.channel, [
        {
          type: ComponentType.StringSelect,
          custom_id: options.customId,
          options: options.values.map((value) => ({ label: value, value })),
          min_values: 1,
          max_values: Math.max(1, options.values.length),
        },
      ]);
    return {
      ...this.#base(place),
      type: InteractionType.MessageComponent,
      message,
      data: {
        custom_id: options.customId,
        component_type: ComponentType.StringSelect,
        values: options.values,
      },
    };
  }

  modalSubmit(options: ModalSubmitInteractionOptions): APIModalSubmitInteraction {
    const place = this.#place(options);
    const shown = this.lookups.lastModal(options.customId);
    const used = new Set<string>();
    const components = shown
      ? mirrorModal(shown, options.fields, used)
      : fallbackModal(options.fields, options.layout ?? 'action_row', used);
    const unknown = Object.keys(options.fields).filter((key) => !used.has(key));
    if (unknown.length > 0) {
      throw new Error(`fake-discord: modal "${options.customId}" has no input(s) ${unknown.join(', ')}`);
    }
    const data: APIModalSubmission = { custom_id: options.customId, components };
    return {
      ...this.#base(place),
      type: InteractionType.ModalSubmit,
      data,
      ...(options.message ? { message: options.message } : {}),
    };
  }

  #place(options: InteractionPlace): Place {
    const user = this.world.user(options.user ?? 'alice');
    if (options.dm) {
      return {
        user,
        guildId: null,
        channel: this.world.dmChannelFor(user.id),
        locale: options.locale,
        dm: true,
      };
    }
    const guild = this.world.guild(options.guildId);
    const member = guild.members.get(user.id);
    if (!member) throw new Error(`fake-discord: ${user.username} is not a member of ${guild.name}`);
    const channel = options.channel
      ? this.world.channel(options.channel, guild.id)
      : this.world.channel(
          guild.channelIds.find((id) => this.world.channels.get(id)?.type === ChannelType.GuildText) ?? '',
        );
    return { user, guildId: guild.id, guild, member, channel, locale: options.locale, dm: false };
  }

  #base(place: Place) {
    const common = {
      id: snowflake(),
      application_id: this.world.applicationId,
      token: interactionToken(),
      version: 1 as const,
      locale: place.locale ?? Locale.EnglishUS,
      entitlements: [],
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      channel: apiChannel(this.world, place.channel),
      channel_id: place.channel.id,
    };
    if (place.dm) {
      return {
        ...common,
        user: apiUser(place.user),
        app_permissions: '0',
        context: InteractionContextType.BotDM,
        authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: '0' },
      };
    }
    const permissions = this.world.memberPermissions(place.guild, place.member).toString();
    const botMember = place.guild.members.get(this.world.botUser.id);
    const appPermissions = botMember ? this.world.memberPermissions(place.guild, botMember).toString() : '0';
    return {
      ...common,
      guild_id: place.guild.id,
      guild: { id: place.guild.id, locale: Locale.EnglishUS, features: [] },
      guild_locale: Locale.EnglishUS,
      member: { ...apiMember(this.world, place.member), user: apiUser(place.user), permissions },
      app_permissions: appPermissions,
      context: InteractionContextType.Guild,
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: place.guild.id },
    };
  }

  #option(
    name: string,
    value: OptionValue,
    resolved: APIInteractionDataResolved,
    guildId: string | null,
  ): APIApplicationCommandInteractionDataBasicOption {
    if (typeof value === 'string') return { type: ApplicationCommandOptionType.String, name, value };
    if (typeof value === 'boolean') return { type: ApplicationCommandOptionType.Boolean, name, value };
    if (typeof value === 'number') {
      return Number.isInteger(value)
        ? { type: ApplicationCommandOptionType.Integer, name, value }
        : { type: ApplicationCommandOptionType.Number, name, value };
    }
    if (value.type === ApplicationCommandOptionType.User) {
      const user = this.world.user(String(value.value));
      resolved.users = { ...resolved.users, [user.id]: apiUser(user) };
      const guild = guildId ? this.world.guild(guildId) : undefined;
      const member = guild?.members.get(user.id);
      if (guild && member) {
        const { user: _user, deaf: _deaf, mute: _mute, ...rest } = apiMember(this.world, member);
        const permissions = this.world.memberPermissions(guild, member).toString();
        resolved.members = { ...resolved.members, [user.id]: { ...rest, permissions } };
      }
      return { type: ApplicationCommandOptionType.User, name, value: user.id };
    }
    if (value.type === ApplicationCommandOptionType.Channel) {
      const channel = this.world.channel(String(value.value), guildId ?? undefined);
      resolved.channels = {
        ...resolved.channels,
        [channel.id]: {
          id: channel.id,
          name: channel.name ?? '',
          type: ChannelType.GuildText,
          permissions: '0',
        },
      };
      return { type: ApplicationCommandOptionType.Channel, name, value: channel.id };
    }
    if (value.type === ApplicationCommandOptionType.Role) {
      const role = this.world
        .guild(guildId ?? undefined)
        .roles.find((r) => r.id === value.value || r.name === value.value);
      if (!role) throw new Error(`fake-discord: no role "${String(value.value)}"`);
      resolved.roles = { ...resolved.roles, [role.id]: apiRole(role) };
      return { type: ApplicationCommandOptionType.Role, name, value: role.id };
    }
    return { type: value.type, name, value: value.value } as APIApplicationCommandInteractionDataBasicOption;
  }

  #message(options: ComponentInteractionOptions): APIMessage | undefined {
    if (options.message) return options.message;
    if (options.messageId === undefined) return undefined;
    const message = this.lookups.message(options.messageId);
    if (!message) throw new Error(`fake-discord: the bot never sent a message ${options.messageId}`);
    return message;
  }

  #botMessage(channel: WorldChannel, components: APIComponentInMessageActionRow[]): APIMessage {
    const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
      type: ComponentType.ActionRow,
      components,
    };
    return apiMessage({
      id: snowflake(),
      channel,
      author: this.world.botUser,
      content: 'A message with components',
      components: [row],
      applicationId: this.world.applicationId,
    });
  }
}

function submitted(raw: Record<string, unknown>, fields: Record<string, ModalFieldValue>, used: Set<string>) {
  const customId = asString(raw.custom_id) ?? '';
  const type = Number(raw.type);
  const answer = fields[customId];
  if (answer !== undefined) used.add(customId);
  const id = typeof raw.id === 'number' ? raw.id : undefined;
  const values =
    answer === undefined || answer === null ? [] : Array.isArray(answer) ? answer : [String(answer)];
  let component: ModalSubmitComponent;
  switch (type) {
    case ComponentType.TextInput:
      component = { type, custom_id: customId, value: typeof answer === 'string' ? answer : '' };
      break;
    case ComponentType.Checkbox:
      component = { type, custom_id: customId, value: answer === true };
      break;
    case ComponentType.RadioGroup:
      component = { type, custom_id: customId, value: typeof answer === 'string' ? answer : null };
      break;
    case ComponentType.StringSelect:
    case ComponentType.UserSelect:
    case ComponentType.RoleSelect:
    case ComponentType.MentionableSelect:
    case ComponentType.ChannelSelect:
    case ComponentType.FileUpload:
    case ComponentType.CheckboxGroup:
      component = { type, custom_id: customId, values };
      break;
    default:
      throw new Error(`fake-discord: cannot answer modal component type ${type}`);
  }
  return id === undefined ? component : { ...component, id };
}

/** Discord echoes the modal's own structure back: rows stay rows, labels stay labels. */
function mirrorModal(
  modal: Record<string, unknown>,
  fields: Record<string, ModalFieldValue>,
  used: Set<string>,
): APIModalSubmissionComponent[] {
  const top = Array.isArray(modal.components) ? modal.components.map(asRecord) : [];
  return top.map((raw): APIModalSubmissionComponent => {
    const type = Number(raw.type);
    const id = typeof raw.id === 'number' ? raw.id : undefined;
    if (type === ComponentType.ActionRow) {
      const children = Array.isArray(raw.components) ? raw.components.map(asRecord) : [];
      const inputs = children.map((child) => submitted(child, fields, used));
      return {
        type: ComponentType.ActionRow,
        ...(id === undefined ? {} : { id }),
        components: inputs.filter((c) => c.type === ComponentType.TextInput),
      };
    }
    if (type === ComponentType.Label) {
      return {
        type: ComponentType.Label,
        ...(id === undefined ? {} : { id }),
        component: submitted(asRecord(raw.component), fields, used),
      };
    }
    return { type: ComponentType.TextDisplay, ...(id === undefined ? {} : { id }) };
  });
}

function fallbackModal(
  fields: Record<string, ModalFieldValue>,
  layout: 'action_row' | 'label',
  used: Set<string>,
): APIModalSubmissionComponent[] {
  return Object.entries(fields).map(([customId, answer], index) => {
    used.add(customId);
    const isText = typeof answer === 'string';
    const component = submitted(
      {
        type: isText ? ComponentType.TextInput : ComponentType.StringSelect,
        custom_id: customId,
        id: index * 2 + 2,
      },
      fields,
      used,
    );
    if (layout === 'label') return { type: ComponentType.Label, id: index * 2 + 1, component };
    if (component.type !== ComponentType.TextInput) {
      throw new Error(
        'fake-discord: action-row modals only carry text inputs; use layout "label" for selects',
      );
    }
    return { type: ComponentType.ActionRow, id: index * 2 + 1, components: [component] };
  });
}
