import { describe, expect, it } from 'vitest';
import { splitText, truncateText } from '../../src/chat/index.ts';

describe('splitText', () => {
  it('cuts at paragraph breaks before words', () => {
    const text = `${'a'.repeat(60)}\n\n${'b '.repeat(30)}`;
    expect(splitText(text, 80)).toEqual(['a'.repeat(60), 'b '.repeat(30).trim()]);
  });

  it('keeps every chunk within the limit and loses no words', () => {
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`);
    const chunks = splitText(words.join(' '), 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join(' ').split(' ')).toEqual(words);
  });

  it('does not cut through a protected span', () => {
    const link = '<https://example.org/a b c|a long label>';
    const text = `${'x '.repeat(20)}${link} tail`;
    const chunks = splitText(text, 50, { protect: /<[^>]*>/g });
    expect(chunks.some((c) => c.includes(link))).toBe(true);
  });

  it('never splits an emoji in half', () => {
    const chunks = splitText('🌱'.repeat(10), 5);
    expect(chunks.join('')).toBe('🌱'.repeat(10));
    expect(chunks.every((c) => !/[\uD800-\uDBFF]$/.test(c))).toBe(true);
  });
});

describe('truncateText', () => {
  it('ends with a marker only when something was cut', () => {
    expect(truncateText('short', 10)).toBe('short');
    const cut = truncateText('a fairly long sentence here', 15);
    expect(cut.length).toBeLessThanOrEqual(15);
    expect(cut.endsWith('…')).toBe(true);
  });
});
