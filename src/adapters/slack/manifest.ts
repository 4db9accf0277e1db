// The command table -> a Slack app manifest (https://api.slack.com/reference/manifests).
// `npm run slack:manifest` prints it for pasting into "Create an app from a manifest".
//
// Decisions: no `chat:write.public`, so the bot only posts in channels a team invited it to
// (a support space opts in; it is never written into uninvited). `should_escape` is on, so
// mentions arrive as stable ids (`<@U123|name>`) rather than display names that can change.
// `channels:history`/`groups:history` (besides `im:history`) let the outbox look for a message
// it may already have delivered before a crash (its idempotency key rides in message metadata);
// the bot subscribes to no channel message events, so it never reads conversations as they happen.

import { z } from 'zod';
import type { CommandTable } from '../../chat/command-table.ts';
import { slackLimits } from '../../chat/limits.ts';
import { truncateText } from '../../chat/split-text.ts';
import { slackGlobalShortcuts } from './slack-shortcuts.ts';

const slackBotScopes = [
  'commands',
  'chat:write',
  'im:write',
  'im:history',
  'channels:history',
  'groups:history',
  'users:read',
  'channels:read',
  'groups:read',
  'files:write',
  // An admin's file sent in a DM (a resources import) is read from its url_private.
  'files:read',
] as const;

const slackBotEvents = ['app_home_opened', 'member_joined_channel', 'message.im'] as const;

export interface SlackManifestInput {
  readonly table: CommandTable;
  readonly socketMode: boolean;
  /**
   * Where Slack sends events, commands and interactions; needed unless socketMode. A bare
   * base URL (`https://peer.example.org`) gets Bolt's default path `/slack/events`.
   */
  readonly requestUrl?: string;
  readonly appName?: string;
  readonly description?: string;
}

export interface SlackManifest {
  readonly display_information: {
    readonly name: string;
    readonly description: string;
    readonly long_description?: string;
    readonly background_color: string;
  };
  readonly features: {
    readonly app_home: {
      readonly home_tab_enabled: boolean;
      readonly messages_tab_enabled: boolean;
      readonly messages_tab_read_only_enabled: boolean;
    };
    readonly bot_user: { readonly display_name: string; readonly always_online: boolean };
    readonly slash_commands: readonly {
      readonly command: string;
      readonly description: string;
      readonly usage_hint: string;
      readonly should_escape: boolean;
      readonly url?: string;
    }[];
    readonly shortcuts: readonly {
      readonly name: string;
      readonly type: 'global';
      readonly callback_id: string;
      readonly description: string;
    }[];
  };
  readonly oauth_config: { readonly scopes: { readonly bot: readonly string[] } };
  readonly settings: {
    readonly event_subscriptions: { readonly request_url?: string; readonly bot_events: readonly string[] };
    readonly interactivity: { readonly is_enabled: boolean; readonly request_url?: string };
    readonly org_deploy_enabled: boolean;
    readonly socket_mode_enabled: boolean;
    readonly token_rotation_enabled: boolean;
  };
}

const httpsUrl = z.url({ protocol: /^https$/, error: 'requestUrl must be an https:// address' });

function eventsUrl(requestUrl: string): string {
  const url = new URL(httpsUrl.parse(requestUrl));
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/slack/events';
  return url.toString();
}

/** "setup | checkin | admin outbox | help", cut to Slack's usage-hint limit. */
export function slackUsageHint(table: CommandTable): string {
  const paths = table.commands.map((c) => c.path.join(' '));
  return truncateText(paths.join(' | '), slackLimits.slashCommandUsageHint);
}

export function buildSlackManifest(input: SlackManifestInput): SlackManifest {
  const { table, socketMode } = input;
  if (!socketMode && input.requestUrl === undefined) {
    throw new Error(
      'A Slack app without socket mode needs requestUrl, the public https address Slack calls.',
    );
  }
  const url = !socketMode && input.requestUrl !== undefined ? eventsUrl(input.requestUrl) : undefined;
  const withUrl = url === undefined ? {} : { url };
  const withRequestUrl = url === undefined ? {} : { request_url: url };
  const name = input.appName ?? 'PeerBridge';
  return {
    display_information: {
      name,
      description: truncateText(
        input.description ?? 'Check-ins, private support and supervision for peer teams.',
        140,
      ),
      long_description:
        'PeerBridge helps peer support teams look after each other: gentle group check-ins, private trigger flags that only your supervisor sees, supervision scheduling, and a shared list of resources. Everything is optional; every prompt can be skipped or snoozed.',
      background_color: '#2f5d62',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: `/${table.root.name}`,
          description: truncateText(table.root.description, slackLimits.slashCommandDescription),
          usage_hint: slackUsageHint(table),
          should_escape: true,
          ...withUrl,
        },
      ],
      shortcuts: slackGlobalShortcuts.map((shortcut) => ({ ...shortcut, type: 'global' as const })),
    },
    oauth_config: { scopes: { bot: [...slackBotScopes] } },
    settings: {
      event_subscriptions: { ...withRequestUrl, bot_events: [...slackBotEvents] },
      interactivity: { is_enabled: true, ...withRequestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  };
}
