import type { PlatformCapabilities } from '../../chat/capabilities.ts';

/** The playground: forms are prompt sequences, whispers are ephemeral, files are saved locally. */
export const shellCapabilities: PlatformCapabilities = {
  modals: false,
  ephemeral: true,
  threads: false,
  dmWithoutInstall: true,
  fileUploads: true,
  scheduledEvents: false,
};
