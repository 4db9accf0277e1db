// The "Flag privately" global shortcut: declared in the manifest, and translated into the
// action event of the feature that owns its callback id.
import { describe, expect, it } from 'vitest';
import { buildSlackManifest } from '../../../src/adapters/slack/manifest.ts';
import { shortcutFromSlack } from '../../../src/adapters/slack/slack-shortcuts.ts';
import { createCommandTable } from '../../../src/chat/index.ts';

describe('Slack global shortcuts', () => {
  it('declares "Flag privately" in the manifest', () => {
    const manifest = buildSlackManifest({ table: createCommandTable({ commands: [] }), socketMode: true });
    expect(manifest.features.shortcuts).toEqual([
      {
        name: 'Flag privately',
        type: 'global',
        callback_id: 'flags:start',
        description: 'Tell your supervisor privately that a session weighed on you',
      },
    ]);
  });

  it('turns a shortcut into an action event with no channel, answered privately by DM', () => {
    const incoming = shortcutFromSlack({
      type: 'shortcut',
      callback_id: 'flags:start',
      trigger_id: '123.456.abc',
      team: { id: 'T1' },
      user: { id: 'U1', username: 'maya', team_id: 'T1' },
    });
    expect(incoming).toEqual({
      kind: 'event',
      origin: {
        workspaceId: 'T1',
        userId: 'U1',
        isDirect: true,
        privateAsDm: true,
        triggerId: '123.456.abc',
      },
      event: {
        kind: 'action',
        eventId: 'shortcut:123.456.abc',
        actor: { platform: 'slack', workspaceId: 'T1', userId: 'U1', displayName: 'maya' },
        place: { isDirect: true },
        actionId: 'flags:start',
      },
    });
  });

  it('reports a payload without a trigger as malformed', () => {
    expect(
      shortcutFromSlack({ type: 'shortcut', callback_id: 'flags:start', user: { id: 'U1' } }),
    ).toMatchObject({
      kind: 'malformed',
    });
  });
});
