// Bolt payloads -> ChatEvents, plus where and how to answer each one (ReplyOrigin).
//
// Only the fields this code depends on are parsed (zod); everything else passes untouched.
// Event ids, which the router uses to drop repeats, must be the same on every re-delivery:
// - Events API: Slack's `event_id`, identical on each retry (X-Slack-Retry-Num / retry_attempt).
// - Slash commands carry no id and are never retried by Slack: the `trigger_id`, unique per use.
// - block_actions: `trigger_id` plus the action id (one press, one trigger).
// - view_submission: the view id plus its `hash`, which Slack changes on every update, so a
//   double-click on "Submit" counts once while a later, changed submission counts again.

import { z } from 'zod';
import type { Actor, ChatEvent, Place } from '../../chat/events.ts';
import type { CommandTable } from '../../chat/index.ts';
import { parseCommandText } from '../../chat/parse-command-text.ts';
import { parseSlackActionId } from './render-blocks.ts';
import { type SlackFileFetcher, slackAttachments, slackFilesSchema } from './slack-files.ts';
import { formFromSubmittedView } from './slack-modal.ts';

/** Where an answer to an event can go, as Slack allows for that kind of event. */
export interface ReplyOrigin {
  readonly workspaceId: string;
  readonly userId: string;
  /** Where it happened, when in a conversation. */
  readonly channelId?: string;
  readonly threadTs?: string;
  readonly isDirect: boolean;
  /** `channelId` is the bot's own DM with the person (the bot can post there). */
  readonly inBotDm?: boolean;
  /** Private answers go to a DM even though there is a channel (a member who just joined). */
  readonly privateAsDm?: boolean;
  /** Fresh for about 3 seconds: needed to open a modal. */
  readonly triggerId?: string;
  /** The message the pressed button sits on. */
  readonly source?: { readonly channelId: string; readonly ts: string; readonly ephemeral: boolean };
}

/**
 * What a Slack payload turned out to be, by `kind`:
 * - `event`: a ChatEvent for the router, and where to answer it (a command whose typed text
 *   cannot be read too: an `unreadable-command` the router words in the reader's language).
 * `Ignored` and `Malformed` below are the other two kinds.
 */
export type Incoming = { readonly kind: 'event'; readonly event: ChatEvent; readonly origin: ReplyOrigin };

/** Ignored on purpose (a link button, the bot's own message): acknowledged and dropped. */
export type Ignored = { readonly kind: 'ignored'; readonly why: string };

/** A payload not in the shape Slack documents: logged (names only) and dropped. */
export type Malformed = { readonly kind: 'malformed'; readonly why: string };

const problem = (error: z.ZodError): Malformed => ({ kind: 'malformed', why: z.prettifyError(error) });

function actor(workspaceId: string, userId: string, displayName?: string): Actor {
  return {
    platform: 'slack',
    workspaceId,
    userId,
    ...(displayName === undefined || displayName === '' ? {} : { displayName }),
  };
}

// Slack quirk: a slash command in any DM (with the bot or between two people) says
// channel_name "directmessage"; DM channel ids start with D.
const isDirectChannel = (channelId: string, channelName?: string): boolean =>
  channelId.startsWith('D') || channelName === 'directmessage';

const slashCommandSchema = z.object({
  team_id: z.string().min(1),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  text: z.string().default(''),
  trigger_id: z.string().min(1),
});

export function commandFromSlack(table: CommandTable, body: unknown): Incoming | Malformed {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return problem(parsed.error);
  const command = parsed.data;
  const isDirect = isDirectChannel(command.channel_id, command.channel_name);
  const origin: ReplyOrigin = {
    workspaceId: command.team_id,
    userId: command.user_id,
    channelId: command.channel_id,
    isDirect,
    triggerId: command.trigger_id,
  };
  const text = parseCommandText(table, command.text);
  const base = {
    eventId: `command:${command.trigger_id}`,
    actor: actor(command.team_id, command.user_id, command.user_name),
    place: { channelId: command.channel_id, isDirect },
  };
  return {
    kind: 'event',
    origin,
    event: text.ok
      ? { ...base, kind: 'command', path: text.path, options: text.options }
      : { ...base, kind: 'unreadable-command', problem: text.reason },
  };
}

const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({
    id: z.string().min(1),
    team_id: z.string().optional(),
    username: z.string().optional(),
    name: z.string().optional(),
  }),
  trigger_id: z.string().min(1),
  container: z
    .object({
      type: z.string(),
      channel_id: z.string().optional(),
      message_ts: z.string().optional(),
      thread_ts: z.string().optional(),
      is_ephemeral: z.boolean().optional(),
    })
    .optional(),
  channel: z.object({ id: z.string(), name: z.string().optional() }).optional(),
  message: z
    .object({ ts: z.string(), thread_ts: z.string().optional(), blocks: z.array(z.unknown()).optional() })
    .optional(),
  view: z.object({ blocks: z.array(z.unknown()).optional() }).optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        value: z.string().optional(),
        url: z.string().optional(),
        selected_option: z.object({ value: z.string() }).nullish(),
      }),
    )
    .min(1),
});

const linkButtonSchema = z.object({ action_id: z.string(), url: z.string() });

/** Slack quirk: pressing a link button also sends block_actions, which must be acked but means nothing. */
function isLinkButton(actionId: string, blockLists: readonly (readonly unknown[] | undefined)[]): boolean {
  for (const blocks of blockLists) {
    for (const block of blocks ?? []) {
      const elements = z.object({ elements: z.array(z.unknown()) }).safeParse(block);
      if (!elements.success) continue;
      for (const element of elements.data.elements) {
        const link = linkButtonSchema.safeParse(element);
        if (link.success && link.data.action_id === actionId) return true;
      }
    }
  }
  return false;
}

export function actionFromSlack(body: unknown): Incoming | Ignored | Malformed {
  const parsed = blockActionSchema.safeParse(body);
  if (!parsed.success) return problem(parsed.error);
  const payload = parsed.data;
  const action = payload.actions[0]!;
  if (
    action.url !== undefined ||
    isLinkButton(action.action_id, [payload.message?.blocks, payload.view?.blocks])
  ) {
    return { kind: 'ignored', why: 'link button' };
  }
  const workspaceId = payload.team?.id ?? payload.user.team_id ?? '';
  const channelId = payload.container?.channel_id ?? payload.channel?.id;
  const messageTs = payload.container?.message_ts ?? payload.message?.ts;
  const threadTs = payload.container?.thread_ts ?? payload.message?.thread_ts;
  const isDirect = channelId !== undefined && isDirectChannel(channelId, payload.channel?.name);
  const source =
    channelId !== undefined && messageTs !== undefined
      ? { channelId, ts: messageTs, ephemeral: payload.container?.is_ephemeral === true }
      : undefined;
  const place: Place = {
    ...(channelId === undefined ? {} : { channelId }),
    ...(threadTs === undefined ? {} : { threadId: threadTs }),
    isDirect: channelId === undefined || isDirect,
  };
  const value = action.selected_option?.value ?? action.value;
  const actionId = parseSlackActionId(action.action_id);
  return {
    kind: 'event',
    origin: {
      workspaceId,
      userId: payload.user.id,
      ...(channelId === undefined ? {} : { channelId }),
      ...(threadTs === undefined ? {} : { threadTs }),
      isDirect: place.isDirect,
      triggerId: payload.trigger_id,
      ...(source === undefined ? {} : { source }),
    },
    event: {
      kind: 'action',
      eventId: `action:${payload.trigger_id}:${action.action_id}`,
      actor: actor(workspaceId, payload.user.id, payload.user.name ?? payload.user.username),
      place,
      actionId,
      ...(value === undefined ? {} : { value }),
      ...(source === undefined || source.ephemeral
        ? {}
        : {
            message: {
              platform: 'slack',
              workspaceId,
              channelId: source.channelId,
              messageId: source.ts,
              ...(threadTs === undefined ? {} : { threadId: threadTs }),
            },
          }),
    },
  };
}

const viewSubmissionSchema = z.object({
  type: z.literal('view_submission'),
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string().min(1), team_id: z.string().optional(), name: z.string().optional() }),
  trigger_id: z.string().optional(),
  view: z.unknown(),
});

export function formFromSlack(body: unknown): Incoming | Malformed {
  const parsed = viewSubmissionSchema.safeParse(body);
  if (!parsed.success) return problem(parsed.error);
  const payload = parsed.data;
  const submitted = formFromSubmittedView(payload.view);
  if (!submitted.ok) return { kind: 'malformed', why: submitted.reason };
  const workspaceId = payload.team?.id ?? payload.user.team_id ?? '';
  const { channelId, isDirect } = submitted.origin;
  return {
    kind: 'event',
    origin: {
      workspaceId,
      userId: payload.user.id,
      ...(channelId === undefined ? {} : { channelId }),
      isDirect: channelId === undefined || isDirect,
      ...(payload.trigger_id === undefined ? {} : { triggerId: payload.trigger_id }),
    },
    event: {
      kind: 'form',
      eventId: `form:${submitted.viewId}:${submitted.hash ?? payload.trigger_id ?? ''}`,
      actor: actor(workspaceId, payload.user.id, payload.user.name),
      place: {
        ...(channelId === undefined ? {} : { channelId }),
        isDirect: channelId === undefined || isDirect,
      },
      formId: submitted.form.formId,
      ...(submitted.context === undefined ? {} : { context: submitted.context }),
      values: submitted.values,
    },
  };
}

const eventEnvelopeSchema = z.object({
  event_id: z.string().min(1),
  team_id: z.string().min(1),
});

/** An Events API delivery: its envelope (event id, workspace) and the event in it. */
function parseEventsApi<T>(
  body: unknown,
  event: unknown,
  schema: z.ZodType<T>,
): { readonly envelope: z.infer<typeof eventEnvelopeSchema>; readonly event: T } | Malformed {
  const envelope = eventEnvelopeSchema.safeParse(body);
  if (!envelope.success) return problem(envelope.error);
  const parsed = schema.safeParse(event);
  if (!parsed.success) return problem(parsed.error);
  return { envelope: envelope.data, event: parsed.data };
}

const memberJoinedSchema = z.object({
  type: z.literal('member_joined_channel'),
  user: z.string().min(1),
  channel: z.string().min(1),
});

export function memberJoinedFromSlack(
  body: unknown,
  event: unknown,
  botUserId?: string,
): Incoming | Ignored | Malformed {
  const parsed = parseEventsApi(body, event, memberJoinedSchema);
  if ('kind' in parsed) return parsed;
  const { envelope, event: joined } = parsed;
  // Bolt's ignoreSelf lets member_joined_channel through, so the bot's own invitation arrives too.
  if (botUserId !== undefined && joined.user === botUserId) return { kind: 'ignored', why: 'the bot joined' };
  // `event.team` is the person's home workspace (Slack Connect); teams live where the app is installed.
  const workspaceId = envelope.team_id;
  return {
    kind: 'event',
    origin: {
      workspaceId,
      userId: joined.user,
      channelId: joined.channel,
      isDirect: false,
      privateAsDm: true,
    },
    event: {
      kind: 'member-joined',
      eventId: envelope.event_id,
      actor: actor(workspaceId, joined.user),
      place: { channelId: joined.channel, isDirect: false },
      channelId: joined.channel,
    },
  };
}

const directMessageSchema = z.object({
  type: z.literal('message'),
  channel: z.string().min(1),
  channel_type: z.string().optional(),
  user: z.string().optional(),
  bot_id: z.string().optional(),
  subtype: z.string().optional(),
  text: z.string().default(''),
  thread_ts: z.string().optional(),
  files: slackFilesSchema,
});

export function directMessageFromSlack(
  body: unknown,
  event: unknown,
  botUserId?: string,
  fetchFile?: SlackFileFetcher,
): Incoming | Ignored | Malformed {
  const parsed = parseEventsApi(body, event, directMessageSchema);
  if ('kind' in parsed) return parsed;
  const { envelope, event: message } = parsed;
  if (message.channel_type !== 'im') return { kind: 'ignored', why: 'not a direct message' };
  // Edits, deletions, joins and other bots' posts arrive as message subtypes or with a bot_id;
  // a file sent with the message is the one subtype a person's own message has.
  const ownSubtype = message.subtype === undefined || message.subtype === 'file_share';
  if (!ownSubtype || message.bot_id !== undefined || message.user === undefined) {
    return { kind: 'ignored', why: 'not written by a person' };
  }
  if (message.user === botUserId) return { kind: 'ignored', why: 'the bot wrote it' };
  const workspaceId = envelope.team_id;
  return {
    kind: 'event',
    origin: {
      workspaceId,
      userId: message.user,
      channelId: message.channel,
      ...(message.thread_ts === undefined ? {} : { threadTs: message.thread_ts }),
      isDirect: true,
      inBotDm: true,
    },
    event: {
      kind: 'direct-message',
      eventId: envelope.event_id,
      actor: actor(workspaceId, message.user),
      place: {
        channelId: message.channel,
        ...(message.thread_ts === undefined ? {} : { threadId: message.thread_ts }),
        isDirect: true,
      },
      text: message.text,
      ...(message.files?.length ? { attachments: slackAttachments(message.files, fetchFile) } : {}),
    },
  };
}

const appHomeSchema = z.object({
  type: z.literal('app_home_opened'),
  user: z.string().min(1),
  tab: z.string().optional(),
});

/** The member whose Home tab opened; undefined for the Messages tab, which shows the DM itself. */
export function homeOpenerFromSlack(body: unknown, event: unknown): Actor | Ignored | Malformed {
  const parsed = parseEventsApi(body, event, appHomeSchema);
  if ('kind' in parsed) return parsed;
  const { envelope, event: opened } = parsed;
  if (opened.tab !== undefined && opened.tab !== 'home') return { kind: 'ignored', why: 'messages tab' };
  return actor(envelope.team_id, opened.user);
}
