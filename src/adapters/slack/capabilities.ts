import type { PlatformCapabilities } from '../../chat/capabilities.ts';

/** Slack: modals, ephemeral messages and threads; the bot opens a DM with any member. */
export const slackCapabilities: PlatformCapabilities = {
  modals: true,
  ephemeral: true,
  threads: true,
  dmWithoutInstall: true,
  fileUploads: true,
  scheduledEvents: false,
};
