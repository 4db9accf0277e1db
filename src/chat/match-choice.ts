// Typed answers to a choice (the shell, and Discord modals when a list is too long for a
// select): a number from the shown list, the label or value in any letter case, or the start
// of one label that no other label starts with ("mon" for Monday; "t" names no one day).

import type { Choice } from './views.ts';

// A list number typed with its label, as printed ("[2] struggling", "2. struggling"), means the label.
const listNumber = /^\[?\d+[\]).:·]?\s+(?=\D)/;

/** A label as a person would type it: no markup stars or underscores, one space between words. */
const typable = (label: string): string =>
  label.replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();

export function matchChoice(choices: readonly Choice[], answer: string): Choice | undefined {
  const typed = typable(answer);
  const found = matchTyped(choices, typed);
  if (found || !listNumber.test(typed)) return found;
  return matchTyped(choices, typed.replace(listNumber, ''));
}

function matchTyped(choices: readonly Choice[], typed: string): Choice | undefined {
  if (/^\d+$/.test(typed)) return choices[Number(typed) - 1];
  const exact =
    choices.find((c) => c.value.toLowerCase() === typed) ?? choices.find((c) => typable(c.label) === typed);
  if (exact || typed.length < 2) return exact;
  const starting = choices.filter((c) => typable(c.label).startsWith(typed));
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
