import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commandTableWithoutDatabase, manifestFromArgs } from '../../../scripts/slack-manifest.ts';

const run = promisify(execFile);

describe('npm run slack:manifest', () => {
  it('lists /peer with the real commands, the scopes, the events and interactivity, for Socket Mode', () => {
    const result = manifestFromArgs(['--socket']);
    if (!result.ok) throw new Error(result.message);
    const { manifest } = result;
    const paths = commandTableWithoutDatabase().commands.map((c) => c.path.join(' '));
    expect(paths).toEqual(expect.arrayContaining(['setup', 'team role', 'admin outbox', 'help']));
    expect(manifest.features.slash_commands).toHaveLength(1);
    expect(manifest.features.slash_commands[0]).toMatchObject({ command: '/peer', should_escape: true });
    expect(manifest.features.slash_commands[0]?.usage_hint).toContain('setup | team show');
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'im:write',
        'im:history',
        'channels:history',
        'files:write',
      ]),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'member_joined_channel',
      'message.im',
    ]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions).not.toHaveProperty('request_url');
  });

  it('points Slack at /slack/events for HTTP mode', () => {
    const result = manifestFromArgs(['--url', 'https://peer.example.org', '--name', 'Peer Circle']);
    if (!result.ok) throw new Error(result.message);
    expect(result.manifest.settings.socket_mode_enabled).toBe(false);
    expect(result.manifest.settings.interactivity.request_url).toBe('https://peer.example.org/slack/events');
    expect(result.manifest.features.slash_commands[0]?.url).toBe('https://peer.example.org/slack/events');
    expect(result.manifest.display_information.name).toBe('Peer Circle');
  });

  it('explains what it needs when the mode is missing or the address is not https', () => {
    expect(manifestFromArgs([])).toMatchObject({ ok: false, message: expect.stringContaining('--socket') });
    expect(manifestFromArgs(['--url', 'http://peer.example.org'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('https://'),
    });
    expect(manifestFromArgs(['--sockets'])).toMatchObject({
      ok: false,
      message: expect.stringContaining('Usage'),
    });
  });

  it('runs as a script with no database and no Slack tokens', async () => {
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('SLACK_') && name !== 'DATABASE_URL'),
    );
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/slack-manifest.ts', '--socket'],
      {
        env,
        timeout: 20_000,
      },
    );
    const printed = JSON.parse(stdout) as { features: { slash_commands: { command: string }[] } };
    expect(printed.features.slash_commands[0]?.command).toBe('/peer');
  });
});
