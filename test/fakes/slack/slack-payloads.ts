import type { BlockAction, SlashCommand, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import { DEFAULT_SLACK_IDENTITY, nextTs, type SlackIdentity, slackId, triggerIdFor } from './slack-ids.ts';
import { type ViewAnswers, viewStateFor } from './slack-view-state.ts';

/**
 * Builders for the payloads Slack sends to an app. The same objects go over HTTP (signed-request.ts)
 * and over Socket Mode (fake-socket-mode.ts envelopes). Every builder takes the workspace identity so
 * team/app/bot IDs match what the fake Web API answers in auth.test.
 */

export interface SlackActor {
  userId: string;
  userName: string;
}

export const DEFAULT_ACTOR: SlackActor = { userId: 'U0ALICE0001', userName: 'alice' };

/** Where response_url / trigger_id come from: pass the FakeSlackApi to get URLs it records. */
export interface SlackUrlSource {
  newResponseUrl(): string;
  issueTriggerId(): string;
}

export interface SlashCommandOptions {
  command: string;
  text?: string;
  actor?: SlackActor;
  channelId?: string;
  channelName?: string;
  responseUrl?: string;
  triggerId?: string;
  identity?: SlackIdentity;
  urls?: SlackUrlSource;
}

export function slashCommandPayload(options: SlashCommandOptions): SlashCommand {
  const identity = options.identity ?? DEFAULT_SLACK_IDENTITY;
  const actor = options.actor ?? DEFAULT_ACTOR;
  return {
    token: identity.verificationToken,
    team_id: identity.teamId,
    team_domain: identity.teamDomain,
    channel_id: options.channelId ?? 'C0GENERAL01',
    channel_name: options.channelName ?? 'general',
    user_id: actor.userId,
    user_name: actor.userName,
    command: options.command,
    text: options.text ?? '',
    api_app_id: identity.appId,
    is_enterprise_install: 'false',
    response_url:
      options.responseUrl ??
      options.urls?.newResponseUrl() ??
      `https://hooks.slack.com/commands/${identity.teamId}/1/fake`,
    trigger_id: options.triggerId ?? options.urls?.issueTriggerId() ?? triggerIdFor(),
  };
}

export interface BlockActionOptions {
  actionId: string;
  blockId?: string;
  value?: string;
  /** Element type; 'button' (default) or e.g. 'static_select' with `selectedValue`. */
  type?: string;
  selectedValue?: string;
  actor?: SlackActor;
  /** The message the button sits on (container.type = 'message'). */
  message?: { ts: string; channelId: string; text?: string; blocks?: unknown[] };
  /** Or the view it sits on (container.type = 'view'), e.g. the App Home or a modal. */
  view?: ViewOutput;
  identity?: SlackIdentity;
  urls?: SlackUrlSource;
}

export function blockActionsPayload(options: BlockActionOptions): BlockAction {
  const identity = options.identity ?? DEFAULT_SLACK_IDENTITY;
  const actor = options.actor ?? DEFAULT_ACTOR;
  const type = options.type ?? 'button';
  const blockId = options.blockId ?? 'actions';
  const base = { type, block_id: blockId, action_id: options.actionId, action_ts: nextTs() };
  const action =
    type === 'button'
      ? {
          ...base,
          type: 'button' as const,
          value: options.value,
          text: { type: 'plain_text' as const, text: 'Button', emoji: true },
        }
      : {
          ...base,
          selected_option:
            options.selectedValue === undefined
              ? null
              : { text: { type: 'plain_text', text: options.selectedValue }, value: options.selectedValue },
        };
  const message = options.message;
  const container: Record<string, unknown> = message
    ? { type: 'message', message_ts: message.ts, channel_id: message.channelId, is_ephemeral: false }
    : options.view
      ? { type: 'view', view_id: options.view.id }
      : { type: 'message', message_ts: nextTs(), channel_id: 'C0GENERAL01', is_ephemeral: false };
  const payload: BlockAction = {
    type: 'block_actions',
    user: { id: actor.userId, username: actor.userName, name: actor.userName, team_id: identity.teamId },
    api_app_id: identity.appId,
    token: identity.verificationToken,
    container,
    trigger_id: options.urls?.issueTriggerId() ?? triggerIdFor(),
    team: { id: identity.teamId, domain: identity.teamDomain },
    is_enterprise_install: false,
    response_url:
      options.urls?.newResponseUrl() ?? `https://hooks.slack.com/actions/${identity.teamId}/1/fake`,
    actions: [action as BlockAction['actions'][number]],
  };
  if (message) {
    payload.channel = { id: message.channelId, name: 'channel' };
    payload.message = {
      type: 'message',
      user: identity.botUserId,
      bot_id: identity.botId,
      ts: message.ts,
      text: message.text ?? '',
      blocks: message.blocks ?? [],
      team: identity.teamId,
    };
  }
  if (options.view) {
    payload.view = options.view;
    payload.state = options.view.state;
  }
  return payload;
}

export interface ViewSubmissionOptions {
  /** The view as the app opened it: use FakeSlackApi.openedView(...) to get exactly what Slack would echo. */
  view: ViewOutput;
  answers?: ViewAnswers;
  actor?: SlackActor;
  identity?: SlackIdentity;
  urls?: SlackUrlSource;
}

export function viewSubmissionPayload(options: ViewSubmissionOptions): ViewSubmitAction {
  const identity = options.identity ?? DEFAULT_SLACK_IDENTITY;
  const actor = options.actor ?? DEFAULT_ACTOR;
  return {
    type: 'view_submission',
    team: { id: identity.teamId, domain: identity.teamDomain },
    user: { id: actor.userId, name: actor.userName, team_id: identity.teamId },
    api_app_id: identity.appId,
    token: identity.verificationToken,
    trigger_id: options.urls?.issueTriggerId() ?? triggerIdFor(),
    view: { ...options.view, state: viewStateFor(options.view, options.answers ?? {}) },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** The Events API outer envelope around an inner event. */
export interface EventCallback {
  token: string;
  team_id: string;
  api_app_id: string;
  event: Record<string, unknown> & { type: string };
  type: 'event_callback';
  event_id: string;
  event_time: number;
  authorizations: {
    enterprise_id: null;
    team_id: string;
    user_id: string;
    is_bot: boolean;
    is_enterprise_install: boolean;
  }[];
  is_ext_shared_channel: boolean;
  event_context: string;
}

export function eventCallback(
  event: Record<string, unknown> & { type: string },
  identity: SlackIdentity = DEFAULT_SLACK_IDENTITY,
): EventCallback {
  return {
    token: identity.verificationToken,
    team_id: identity.teamId,
    api_app_id: identity.appId,
    event: { event_ts: nextTs(), ...event },
    type: 'event_callback',
    event_id: slackId('Ev'),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: identity.teamId,
        user_id: identity.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${slackId('E')}`,
  };
}

/** A user's direct message to the bot (message.im). */
/** A file as a message event lists it (FakeSlackApi.hostFile makes one it serves). */
export interface SlackFileObject {
  id: string;
  name: string;
  title: string;
  size: number;
  mimetype: string;
  url_private: string;
  url_private_download: string;
}

export function directMessageEvent(options: {
  text: string;
  actor?: SlackActor;
  channelId?: string;
  team?: string;
  /** Files shared with the message: the event gets Slack's `file_share` subtype. */
  files?: SlackFileObject[];
}) {
  const actor = options.actor ?? DEFAULT_ACTOR;
  const ts = nextTs();
  return {
    type: 'message',
    ...(options.files ? { subtype: 'file_share', files: options.files } : {}),
    channel: options.channelId ?? 'D0ALICEDM01',
    channel_type: 'im',
    user: actor.userId,
    text: options.text,
    ts,
    event_ts: ts,
    team: options.team ?? DEFAULT_SLACK_IDENTITY.teamId,
    client_msg_id: crypto.randomUUID(),
  };
}

export function appHomeOpenedEvent(options: { actor?: SlackActor; channelId?: string } = {}) {
  const actor = options.actor ?? DEFAULT_ACTOR;
  return {
    type: 'app_home_opened',
    user: actor.userId,
    channel: options.channelId ?? 'D0ALICEDM01',
    tab: 'home',
  };
}

export function memberJoinedChannelEvent(options: {
  actor?: SlackActor;
  channelId: string;
  inviter?: string;
}) {
  const actor = options.actor ?? DEFAULT_ACTOR;
  return {
    type: 'member_joined_channel',
    user: actor.userId,
    channel: options.channelId,
    channel_type: 'C',
    team: DEFAULT_SLACK_IDENTITY.teamId,
    ...(options.inviter ? { inviter: options.inviter } : {}),
  };
}
