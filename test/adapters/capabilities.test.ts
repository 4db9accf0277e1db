// Each adapter declares what its platform can do; nothing is assumed from a platform's name.
// The table below is the declaration, capability by capability and adapter by adapter, and
// each running client carries the same one (features ask `capabilitiesOf(client)`).
import { describe, expect, it } from 'vitest';
import { discordCapabilities } from '../../src/adapters/discord/capabilities.ts';
import { mattermostCapabilities } from '../../src/adapters/mattermost/capabilities.ts';
import { createMattermostClient, DirectChannels } from '../../src/adapters/mattermost/mattermost-client.ts';
import { MattermostRest } from '../../src/adapters/mattermost/mattermost-rest.ts';
import { shellCapabilities } from '../../src/adapters/shell/capabilities.ts';
import { slackCapabilities } from '../../src/adapters/slack/capabilities.ts';
import { capabilitiesOf, capabilityNames, noCapabilities } from '../../src/chat/index.ts';

const declared = {
  slack: slackCapabilities,
  discord: discordCapabilities,
  shell: shellCapabilities,
  mattermost: mattermostCapabilities,
};

describe('platform capabilities', () => {
  it('lists every capability for every adapter', () => {
    const table = Object.fromEntries(
      capabilityNames.map((name) => [
        name,
        Object.fromEntries(Object.entries(declared).map(([platform, caps]) => [platform, caps[name]])),
      ]),
    );
    expect(table).toEqual({
      modals: { slack: true, discord: true, shell: false, mattermost: true },
      ephemeral: { slack: true, discord: false, shell: true, mattermost: true },
      threads: { slack: true, discord: true, shell: false, mattermost: true },
      dmWithoutInstall: { slack: true, discord: false, shell: true, mattermost: true },
      fileUploads: { slack: true, discord: true, shell: true, mattermost: true },
      scheduledEvents: { slack: false, discord: true, shell: false, mattermost: false },
    });
  });

  it('reads a client that declared nothing as able to do none of it', () => {
    expect(capabilitiesOf(undefined)).toEqual(noCapabilities);
    expect(capabilitiesOf({})).toEqual(noCapabilities);
  });

  it('gives the running Mattermost client its adapter’s declaration', () => {
    const client = createMattermostClient(
      {
        rest: new MattermostRest('http://127.0.0.1:1', 't'),
        render: { actionUrl: 'http://bot/a', key: Buffer.alloc(32) },
        botUserId: () => 'bot',
        ephemeral: new Set(),
      },
      new DirectChannels(),
    );
    expect(capabilitiesOf(client)).toBe(mattermostCapabilities);
  });
});
