// Issue 23, item 10: under "4 people took part", the note about the hidden mood spread counts
// moods shared with the team, not answers (it read as "needs 3 answers" when 4 had answered).
import { describe, expect, it } from 'vitest';
import { digestView } from '../../../src/features/checkins/views.ts';

const flatten = (view: ReturnType<typeof digestView>) =>
  view.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');

describe('the digest when the mood spread is hidden', () => {
  it('says the spread needs moods shared, not answers', () => {
    const text = flatten(
      digestView({ name: 'Support circle', took: 4, invited: 6, answers: [], minGroup: 3 }),
    );
    expect(text).toContain('4 people took part');
    expect(text).toContain('at least 3 people share how they are arriving with the team');
    expect(text).not.toMatch(/at least 3 people answer\b/);
  });
});
