import { describe, expect, it } from 'vitest';
import { parseMarkup, toPlainText } from '../../src/chat/index.ts';

describe('markup', () => {
  it('reads bold, italic and links', () => {
    expect(parseMarkup('Hi **you**, see _this_ [guide](https://x.org/a_b).')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'bold', text: 'you' },
      { kind: 'text', text: ', see ' },
      { kind: 'italic', text: 'this' },
      { kind: 'text', text: ' ' },
      { kind: 'link', label: 'guide', url: 'https://x.org/a_b' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reads inline code, inside which nothing else is markup', () => {
    expect(parseMarkup('try `/peer help **now**`')).toEqual([
      { kind: 'text', text: 'try ' },
      { kind: 'code', text: '/peer help **now**' },
    ]);
  });

  it('leaves snake_case words and lone stars alone', () => {
    expect(toPlainText('my_file_name and 5 * 3')).toBe('my_file_name and 5 * 3');
  });

  it('does not make links of unsafe schemes', () => {
    expect(parseMarkup('[x](javascript:alert(1))')).toEqual([
      { kind: 'text', text: '[x](javascript:alert(1))' },
    ]);
  });
});
