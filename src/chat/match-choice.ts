// Typed answers to a choice (the shell, and Discord modals when a list is too long for a
// select): a number from the shown list, the label or value in any letter case, or the start
// of one label that no other label starts with ("mon" for Monday; "t" names no one day).

import type { Choice } from './views.ts';

export function matchChoice(choices: readonly Choice[], answer: string): Choice | undefined {
  const typed = answer.trim().toLowerCase();
  if (/^\d+$/.test(typed)) return choices[Number(typed) - 1];
  const exact =
    choices.find((c) => c.value.toLowerCase() === typed) ??
    choices.find((c) => c.label.toLowerCase() === typed);
  if (exact || typed.length < 2) return exact;
  const starting = choices.filter((c) => c.label.toLowerCase().startsWith(typed));
  return starting.length === 1 ? starting[0] : undefined;
}

/** Several answers separated by commas (or spaces between numbers): "1, 3" or "sleep, walk". */
export function matchChoices(
  choices: readonly Choice[],
  answer: string,
): { readonly matched: readonly Choice[]; readonly unmatched: readonly string[] } {
  const parts = /^[\d\s,]+$/.test(answer) ? answer.split(/[\s,]+/) : answer.split(',');
  const matched: Choice[] = [];
  const unmatched: string[] = [];
  for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
    const choice = matchChoice(choices, part);
    if (!choice) unmatched.push(part);
    else if (!matched.includes(choice)) matched.push(choice);
  }
  return { matched, unmatched };
}

/** The numbered list shown beside such a prompt: "1 Good, 2 Okay, 3 Hard". */
export function numberedChoices(choices: readonly Choice[]): string {
  return choices.map((c, i) => `${i + 1} ${c.label}`).join(', ');
}
