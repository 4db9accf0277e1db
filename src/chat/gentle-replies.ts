// The router's own words to a person: when options need a change, when a button is stale,
// when something broke. Plain, warm and never blaming (peer-support practice); each one
// says whether anything was saved and what to try next. Each is in the reader's language.

import { english, type Translate } from '../i18n/translate.ts';
import { literal, type MarkupText, markup } from './markup.ts';
import { type View, view } from './views.ts';

/** `/peer setup` as a code span: what the person typed, in any language. */
export const usageText = (root: string, path: readonly string[]): MarkupText =>
  markup`\`${literal(`${root} ${path.join(' ')}`)}\``;

export function optionProblemsView(
  usage: MarkupText,
  problems: readonly MarkupText[],
  t: Translate = english,
): View {
  const intro =
    problems.length === 1
      ? t('chat.replies.problemsOne', { usage })
      : t('chat.replies.problemsMany', { usage });
  const listed = problems
    .map((problem) => t('chat.replies.problemLine', { problem }))
    .reduce((all, line, i) => (i === 0 ? line : markup`${all}\n${line}`), markup``);
  return view(
    t('chat.replies.problemsSummary', { usage }),
    { type: 'text', text: intro },
    { type: 'text', text: listed },
    { type: 'context', text: t('chat.replies.nothingSaved') },
  );
}

/** A refusal with its reason, e.g. when typed command text could not be understood. */
export function refusalView(reason: MarkupText): View {
  return view(reason, { type: 'text', text: reason });
}

export function apologyView(root: string, t: Translate = english): View {
  return view(
    t('chat.replies.apologySummary'),
    { type: 'text', text: t('chat.replies.apology') },
    { type: 'context', text: t('chat.replies.apologyNext', { root: literal(root) }) },
  );
}

export function unknownCommandView(root: string, typed: string, t: Translate = english): View {
  return refusalView(t('chat.replies.unknownCommand', { root: literal(root), typed: literal(typed) }));
}

export function staleActionView(root: string, t: Translate = english): View {
  return refusalView(t('chat.replies.staleAction', { root: literal(root) }));
}

export function staleFormView(root: string, t: Translate = english): View {
  return refusalView(t('chat.replies.staleForm', { root: literal(root) }));
}

export function wrongPlaceView(usage: MarkupText, where: 'channel' | 'direct', t: Translate = english): View {
  return refusalView(
    where === 'direct'
      ? t('chat.replies.wrongPlaceDirect', { usage })
      : t('chat.replies.wrongPlaceChannel', { usage }),
  );
}

export function noChatView(root: string, t: Translate = english): View {
  return refusalView(t('chat.replies.noChat', { root: literal(root) }));
}

export function formControlView(field: string, t: Translate = english): View {
  return refusalView(t('chat.replies.formControl', { field: literal(field) }));
}
