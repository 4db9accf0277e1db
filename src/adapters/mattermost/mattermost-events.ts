// Mattermost callbacks -> ChatEvents, plus where to answer each one (ReplyOrigin). Only the
// fields this code depends on are parsed (zod). Event ids, which the router uses to drop
// repeats: a slash command or a press carries a `trigger_id`, unique per use; a dialog part
// is its pending form's ticket and part number; a direct message is its post id.
import { z } from 'zod';
import type { Actor, ChatEvent } from '../../chat/events.ts';
import type { ParsedCommandText } from '../../chat/parse-command-text.ts';
import type { FormValues } from '../../chat/views.ts';

/** Where and how an event can be answered. */
export interface ReplyOrigin {
  readonly workspaceId: string;
  readonly userId: string;
  readonly channelId?: string;
  readonly rootId?: string;
  readonly isDirect: boolean;
  /** Private answers go to the direct channel even though there is a channel (a new member). */
  readonly privateAsDm?: boolean;
  /** Fresh for about three seconds, once: needed to open a dialog. */
  readonly triggerId?: string;
  /** The post the pressed button sits on. */
  readonly sourcePostId?: string;
}

// A direct channel's name is the two user ids joined by "__".
const directName = /^[a-z0-9]{26}__[a-z0-9]{26}$/;

export const slashCommandSchema = z.object({
  token: z.string().min(1),
  team_id: z.string().min(1),
  channel_id: z.string().min(1),
  channel_name: z.string().default(''),
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  text: z.string().default(''),
  trigger_id: z.string().min(1),
});
export type SlashCommand = z.infer<typeof slashCommandSchema>;

export const actionCallbackSchema = z.object({
  user_id: z.string().min(1),
  user_name: z.string().optional(),
  channel_id: z.string().min(1),
  channel_name: z.string().optional(),
  team_id: z.string().default(''),
  post_id: z.string().min(1),
  trigger_id: z.string().min(1),
  context: z.record(z.string(), z.unknown()).default({}),
});
export type ActionCallback = z.infer<typeof actionCallbackSchema>;

export const dialogSubmissionSchema = z.object({
  type: z.string().default('dialog_submission'),
  callback_id: z.string().min(1),
  state: z.string().min(1),
  user_id: z.string().min(1),
  channel_id: z.string().default(''),
  team_id: z.string().default(''),
  submission: z.record(z.string(), z.unknown()).nullish(),
  cancelled: z.boolean().default(false),
});
export type DialogSubmission = z.infer<typeof dialogSubmissionSchema>;

export const isDirectChannelName = (name: string | undefined): boolean => directName.test(name ?? '');

export function actorOf(workspaceId: string, userId: string, displayName?: string): Actor {
  return {
    platform: 'mattermost',
    workspaceId,
    userId,
    ...(displayName ? { displayName } : {}),
  };
}

/** The event for a typed command: read, or unreadable for the router to word (`text.reason`). */
export function commandEvent(
  command: SlashCommand,
  text: ParsedCommandText,
): { event: ChatEvent; origin: ReplyOrigin } {
  const isDirect = isDirectChannelName(command.channel_name);
  const base = {
    eventId: `command:${command.trigger_id}`,
    actor: actorOf(command.team_id, command.user_id, command.user_name),
    place: { channelId: command.channel_id, isDirect },
  };
  return {
    origin: {
      workspaceId: command.team_id,
      userId: command.user_id,
      channelId: command.channel_id,
      isDirect,
      triggerId: command.trigger_id,
    },
    event: text.ok
      ? { ...base, kind: 'command', path: text.path, options: text.options }
      : { ...base, kind: 'unreadable-command', problem: text.reason },
  };
}

export function actionEvent(
  callback: ActionCallback,
  workspaceId: string,
  action: { readonly actionId: string; readonly value?: string },
): { event: ChatEvent; origin: ReplyOrigin } {
  const isDirect = isDirectChannelName(callback.channel_name);
  return {
    origin: {
      workspaceId,
      userId: callback.user_id,
      channelId: callback.channel_id,
      isDirect,
      triggerId: callback.trigger_id,
      sourcePostId: callback.post_id,
    },
    event: {
      kind: 'action',
      eventId: `action:${callback.trigger_id}`,
      actor: actorOf(workspaceId, callback.user_id, callback.user_name),
      place: { channelId: callback.channel_id, isDirect },
      actionId: action.actionId,
      ...(action.value === undefined ? {} : { value: action.value }),
      message: {
        platform: 'mattermost',
        workspaceId,
        channelId: callback.channel_id,
        messageId: callback.post_id,
      },
    },
  };
}

export function formEvent(
  submission: DialogSubmission,
  workspaceId: string,
  isDirect: boolean,
  form: { readonly formId: string; readonly context?: string; readonly eventId: string },
  values: FormValues,
): { event: ChatEvent; origin: ReplyOrigin } {
  const channelId = submission.channel_id === '' ? undefined : submission.channel_id;
  return {
    origin: { workspaceId, userId: submission.user_id, ...(channelId ? { channelId } : {}), isDirect },
    event: {
      kind: 'form',
      eventId: form.eventId,
      actor: actorOf(workspaceId, submission.user_id),
      place: { ...(channelId ? { channelId } : {}), isDirect },
      formId: form.formId,
      ...(form.context === undefined ? {} : { context: form.context }),
      values,
    },
  };
}
