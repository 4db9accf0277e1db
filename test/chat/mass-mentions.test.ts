import { describe, expect, it } from 'vitest';
import { literal, markup } from '../../src/chat/markup.ts';
import { neutralizeMassMentions } from '../../src/chat/mass-mentions.ts';
import { mentionProblems } from '../fuzz/hostile.ts';

const echoed = 'Team <!channel> <!here|here> <!everyone> <!subteam^S1|devs> @everyone @here @channel';

describe('mass mentions in echoed text', () => {
  it('become plain words on both platforms', () => {
    expect(neutralizeMassMentions(echoed)).toBe(
      'Team @\u200bchannel @\u200bhere @\u200beveryone @\u200bsubteam^S1|devs @\u200beveryone @\u200bhere @\u200bchannel',
    );
    // The echoed text is a person's: literal, as every view holds it.
    const shown = markup`${literal(echoed)}`;
    const view = {
      text: shown,
      blocks: [
        { type: 'header' as const, text: shown },
        { type: 'text' as const, text: markup`**${literal(echoed)}**` },
        { type: 'fields' as const, fields: [{ label: shown, value: shown }] },
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
