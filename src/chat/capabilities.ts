// What a platform can do, declared by its adapter rather than assumed from its name. A feature
// that needs one asks `capabilitiesOf(client)` and, where the platform lacks it, degrades in
// the one way written beside each capability below. A client that declares nothing (a test
// double, an adapter from before this file) is taken to have none of them.
import type { ChatClient } from './outbound.ts';

export interface PlatformCapabilities {
  /** Forms in a modal or dialog. Without: the adapter asks the form as a prompt sequence. */
  readonly modals: boolean;
  /** A message in a channel only one person sees, outside an interaction. Without: a DM. */
  readonly ephemeral: boolean;
  /** Replies under a message. Without: the reply goes to the channel itself. */
  readonly threads: boolean;
  /** The bot can message anyone in the workspace without them adding it first. Without: the
   *  delivery fails as permanent and `/peer admin outbox` lists it. */
  readonly dmWithoutInstall: boolean;
  /** Sharing a file (an `.ics`, an export). Without: the file is not sent and the person is told. */
  readonly fileUploads: boolean;
  /** Calendar events in the workspace. Without: the `.ics` invitation is the only calendar. */
  readonly scheduledEvents: boolean;
}

export const capabilityNames = [
  'modals',
  'ephemeral',
  'threads',
  'dmWithoutInstall',
  'fileUploads',
  'scheduledEvents',
] as const satisfies readonly (keyof PlatformCapabilities)[];

export const noCapabilities: PlatformCapabilities = {
  modals: false,
  ephemeral: false,
  threads: false,
  dmWithoutInstall: false,
  fileUploads: false,
  scheduledEvents: false,
};

/** What the client's platform declared it can do; nothing when it declared nothing. */
export function capabilitiesOf(client: Pick<ChatClient, 'capabilities'> | undefined): PlatformCapabilities {
  return client?.capabilities ?? noCapabilities;
}
