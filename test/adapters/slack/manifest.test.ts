import { describe, expect, it } from 'vitest';
import { buildSlackManifest, slackUsageHint } from '../../../src/adapters/slack/manifest.ts';
import { sampleTable } from '../../chat/sample-table.ts';

const table = sampleTable();

describe('Slack manifest', () => {
  it('declares /peer with a usage hint built from the subcommands', () => {
    const manifest = buildSlackManifest({ table, socketMode: true });
    expect(manifest.features.slash_commands).toEqual([
      {
        command: '/peer',
        description: table.root.description,
        usage_hint: 'setup | checkin | flag | topic add | roster | admin outbox | help',
        should_escape: true,
      },
    ]);
    expect(slackUsageHint(table)).toBe('setup | checkin | flag | topic add | roster | admin outbox | help');
  });

  it('asks for the scopes and events the bot uses, without posting where it was not invited', () => {
    const manifest = buildSlackManifest({ table, socketMode: true });
    expect(manifest.oauth_config.scopes.bot).toEqual([
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
      'files:read',
    ]);
    expect(manifest.oauth_config.scopes.bot).not.toContain('chat:write.public');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'member_joined_channel',
      'message.im',
    ]);
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings).toMatchObject({
      socket_mode_enabled: true,
      interactivity: { is_enabled: true },
    });
    expect(manifest.settings.event_subscriptions).not.toHaveProperty('request_url');
  });

  it("points every request URL at Bolt's endpoint when not in socket mode", () => {
    const manifest = buildSlackManifest({ table, socketMode: false, requestUrl: 'https://peer.example.org' });
    const url = 'https://peer.example.org/slack/events';
    expect(manifest.features.slash_commands[0]?.url).toBe(url);
    expect(manifest.settings.event_subscriptions.request_url).toBe(url);
    expect(manifest.settings.interactivity.request_url).toBe(url);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(
      buildSlackManifest({ table, socketMode: false, requestUrl: 'https://x.org/hooks/slack' }).settings
        .interactivity.request_url,
    ).toBe('https://x.org/hooks/slack');
  });

  it('refuses to build an HTTP app without a request URL, or with a plain http one', () => {
    expect(() => buildSlackManifest({ table, socketMode: false })).toThrow(/needs requestUrl/);
    expect(() => buildSlackManifest({ table, socketMode: false, requestUrl: 'http://x.org' })).toThrow(
      /https/,
    );
  });
});
