// "Retire X? [Retire] [Keep it]": the one shape of a confirm step before anything that cannot
// be taken back with one press (retiring a resource, deleting a check-in). The first press only
// asks; nothing changes until the confirm button, whose handler checks access again, because
// roles may have changed while the question waited.

import { type MarkupText, markup } from './markup.ts';
import type { View } from './views.ts';

export interface ConfirmStep {
  /** The question, like `Retire **Harbor line**?` (member-written names through `literal`). */
  readonly question: MarkupText;
  /** What happens, in a sentence; absent: the question says enough. */
  readonly detail?: MarkupText;
  readonly confirm: { readonly actionId: string; readonly label: string; readonly value: string };
  readonly keep: { readonly actionId: string; readonly label: string; readonly value?: string };
}

export function confirmView(step: ConfirmStep): View {
  return {
    text: step.question,
    blocks: [
      { type: 'text', text: step.detail ? markup`${step.question}\n${step.detail}` : step.question },
      {
        type: 'actions',
        elements: [
          { type: 'button', style: 'danger', ...step.confirm },
          { type: 'button', style: 'primary', ...step.keep },
        ],
      },
    ],
  };
}
