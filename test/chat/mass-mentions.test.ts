import { describe, expect, it } from 'vitest';
import { neutralizeMassMentions } from '../../src/chat/mass-mentions.ts';
import { mentionProblems } from '../fuzz/hostile.ts';

const echoed = 'Team <!channel> <!here|here> <!everyone> <!subteam^S1|devs> @everyone @here @channel';

describe('mass mentions in echoed text', () => {
  it('become plain words on both platforms', () => {
    expect(neutralizeMassMentions(echoed)).toBe(
      'Team @\u200bchannel @\u200bhere @\u200beveryone @\u200bsubteam^S1|devs @\u200beveryone @\u200bhere @\u200bchannel',
    );
    const view = {
      text: echoed,
      blocks: [
        { type: 'header' as const, text: echoed },
        { type: 'text' as const, text: `**${echoed}**` },
        { type: 'fields' as const, fields: [{ label: echoed, value: echoed }] },
      ],
    };
    expect(mentionProblems(view)).toEqual([]);
  });

  it('leaves e-mail addresses and ordinary words alone', () => {
    expect(neutralizeMassMentions('write to help@example.org, everyone is welcome here')).toBe(
      'write to help@example.org, everyone is welcome here',
    );
  });
});
