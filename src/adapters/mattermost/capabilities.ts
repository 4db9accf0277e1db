import type { PlatformCapabilities } from '../../chat/capabilities.ts';

/**
 * Mattermost: interactive dialogs, ephemeral posts (with the create_post_ephemeral
 * permission), threads by root_id, direct channels with anyone on the server, file uploads; no
 * calendar events.
 */
export const mattermostCapabilities: PlatformCapabilities = {
  modals: true,
  ephemeral: true,
  threads: true,
  dmWithoutInstall: true,
  fileUploads: true,
  scheduledEvents: false,
};
