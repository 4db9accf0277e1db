// The router's own words to a person: when options need a change, when a button is stale,
// when something broke. Plain, warm and never blaming (peer-support practice); each one
// says whether anything was saved and what to try next.

import { type View, view } from './views.ts';

export function optionProblemsView(usage: string, problems: readonly string[]): View {
  const intro =
    problems.length === 1
      ? `I couldn't run ${usage} yet; one thing needs a small change:`
      : `I couldn't run ${usage} yet; a few things need a small change:`;
  return view(
    `${usage} needs a small change`,
    { type: 'text', text: intro },
    { type: 'text', text: problems.map((p) => `• ${p}`).join('\n') },
    { type: 'context', text: 'Nothing was saved. Try again whenever you are ready.' },
  );
}

/** A refusal with its reason, e.g. when typed command text could not be understood. */
export function refusalView(reason: string): View {
  return view(reason, { type: 'text', text: reason });
}

export function apologyView(root: string): View {
  return view(
    'Sorry, something went wrong on my side',
    {
      type: 'text',
      text: "I'm sorry, something went wrong on my side and I couldn't finish that. You didn't do anything wrong.",
    },
    {
      type: 'context',
      text: `Nothing was saved half-way, so it is safe to try again in a minute. If it keeps happening, a team admin can look into it; \`${root} help\` is here too.`,
    },
  );
}

export function unknownCommandView(root: string, typed: string): View {
  return refusalView(
    `I don't know \`${root} ${typed}\` yet; it may have changed. Try \`${root} help\` to see what I can do.`,
  );
}

export function staleActionView(root: string): View {
  return refusalView(
    `That button seems to be from an older message, so I couldn't act on it. Nothing changed. \`${root} help\` shows what I can do now.`,
  );
}

export function staleFormView(root: string): View {
  return refusalView(
    `I couldn't match that form to anything; it may have expired. Nothing was saved, and you are welcome to start again (\`${root} help\` can help).`,
  );
}

export function wrongPlaceView(usage: string, where: 'channel' | 'direct'): View {
  return refusalView(
    where === 'direct'
      ? `${usage} works in a direct message with me, so it stays just between us. Open a message with me and try it there.`
      : `${usage} works in a team channel. Try it in your team's channel.`,
  );
}

export function noChatView(root: string): View {
  return refusalView(
    `Thanks for the message. I'm a bot, so I can't chat, but \`${root} help\` shows what I can help with.`,
  );
}
