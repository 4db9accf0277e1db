import { type APIAttachment, type APIMessage, ChannelType, MessageFlags } from 'discord.js';
import type { FormValue } from '../shared/http.ts';
import { asRecord } from '../shared/http.ts';
import { snowflake } from './discord-ids.ts';
import { apiMember } from './discord-payloads.ts';
import type { DiscordRestStore } from './discord-rest-store.ts';
import type { DiscordWorld } from './discord-world.ts';

/** Shared vocabulary of the fake Discord REST routes: request/result types and message helpers. */

export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  contentType: string;
  /** What was sent, for tests that read an uploaded file back. */
  bytes?: Uint8Array;
}

export interface RestRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  files: UploadedFile[];
}

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  pattern: string;
  /** Interaction callbacks and webhooks are authenticated by their token, not the bot token. */
  botAuth: boolean;
  handle(request: RestRequest): RestResult;
}

export interface RouteContext {
  world: DiscordWorld;
  store: DiscordRestStore;
  gatewayUrl(): string;
  /** Sends a gateway dispatch (the gateway applies intents). */
  dispatch(event: string, data: unknown): void;
  /** Discord gives an app 3 s to answer an interaction. */
  ackDeadlineMs: number;
}

export function discordError(status: number, code: number, message: string, errors?: unknown): RestResult {
  return { status, body: { message, code, ...(errors === undefined ? {} : { errors }) } };
}

export const ok = (body: unknown): RestResult => ({ status: 200, body });
export const created = (body: unknown): RestResult => ({ status: 201, body });
export const noContent = (): RestResult => ({ status: 204 });
export const UNKNOWN_MESSAGE = () => discordError(404, 10008, 'Unknown Message');
export const UNKNOWN_CHANNEL = () => discordError(404, 10003, 'Unknown Channel');
export const UNKNOWN_INTERACTION = () => discordError(404, 10062, 'Unknown interaction');

export function filesFrom(fields: Record<string, FormValue>): { payload: unknown; files: UploadedFile[] } {
  const files: UploadedFile[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value !== 'string') files.push({ field, ...value });
  }
  const json = fields.payload_json;
  return { payload: typeof json === 'string' ? (JSON.parse(json) as unknown) : {}, files };
}

function attachments(files: UploadedFile[], channelId: string): APIAttachment[] {
  return files.map((file) => {
    const id = snowflake();
    const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${file.filename}`;
    return {
      id,
      filename: file.filename,
      size: file.size,
      url,
      proxy_url: url,
      content_type: file.contentType,
    };
  });
}

/** Applies a create/edit message body on top of `base`. */
export function withBody(base: APIMessage, body: unknown, files: UploadedFile[]): APIMessage {
  const fields = asRecord(body);
  const message: APIMessage = { ...base };
  if (typeof fields.content === 'string') message.content = fields.content;
  if (Array.isArray(fields.embeds)) message.embeds = fields.embeds as APIMessage['embeds'];
  if (Array.isArray(fields.components)) message.components = fields.components as APIMessage['components'];
  if (typeof fields.flags === 'number') message.flags = fields.flags;
  if (files.length > 0)
    message.attachments = [...message.attachments, ...attachments(files, base.channel_id)];
  return message;
}

export function isEmptyMessage(body: unknown, files: UploadedFile[]): boolean {
  const fields = asRecord(body);
  const hasArray = (key: string) => Array.isArray(fields[key]) && (fields[key] as unknown[]).length > 0;
  return !(
    (typeof fields.content === 'string' && fields.content.length > 0) ||
    hasArray('embeds') ||
    hasArray('components') ||
    hasArray('sticker_ids') ||
    fields.poll !== undefined ||
    files.length > 0
  );
}

export function route(method: string, pattern: string, handle: Route['handle'], botAuth = true): Route {
  return { method, pattern, handle, botAuth };
}

/** Stores a message the app created or edited, and bumps its channel's last_message_id. */
export function storeMessage(ctx: RouteContext, message: APIMessage): APIMessage {
  ctx.store.messages.set(message.id, message);
  const channel = ctx.world.channels.get(message.channel_id);
  if (channel) channel.lastMessageId = message.id;
  return message;
}

/** Discord echoes the bot's own non-ephemeral messages back as MESSAGE_CREATE (intents permitting). */
export function announce(ctx: RouteContext, message: APIMessage): void {
  if (((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0) return;
  const { world } = ctx;
  const channel = world.channels.get(message.channel_id);
  const guildId = channel?.guildId ?? undefined;
  const member = guildId ? world.guild(guildId).members.get(message.author.id) : undefined;
  ctx.dispatch('MESSAGE_CREATE', {
    ...message,
    ...(guildId ? { guild_id: guildId } : {}),
    ...(member && guildId ? { member: { ...apiMember(world, member), user: undefined } } : {}),
    channel_type: channel?.type ?? ChannelType.GuildText,
  });
}
