// Platform ids stay opaque strings; these wrappers say which kind of id a string is, so a
// channel id can never be passed where a user id belongs.

export const platforms = ['slack', 'discord', 'shell', 'mattermost'] as const;
export type Platform = (typeof platforms)[number];

/** A Slack workspace, a Discord guild, or the shell playground's one workspace. */
export interface WorkspaceRef {
  readonly platform: Platform;
  readonly workspaceId: string;
}

export interface UserRef extends WorkspaceRef {
  readonly userId: string;
}

export interface ChannelRef extends WorkspaceRef {
  readonly channelId: string;
}

/** A message the bot posted (or that a button sits on), so it can be updated or replied to. */
export interface MessageRef extends ChannelRef {
  readonly messageId: string;
  readonly threadId?: string;
}
