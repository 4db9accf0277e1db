import type { PlatformCapabilities } from '../../chat/capabilities.ts';

/**
 * Discord: modals and ephemeral answers only inside an interaction (a private message outside
 * one is a DM), threads started from a message, guild scheduled events (Manage Events). A
 * member can refuse DMs from server members, so a DM is not something the bot can count on.
 */
export const discordCapabilities: PlatformCapabilities = {
  modals: true,
  ephemeral: false,
  threads: true,
  dmWithoutInstall: false,
  fileUploads: true,
  scheduledEvents: true,
};
