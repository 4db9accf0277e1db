// The forms a person is filling in, one at a time: a handler that opens a second form while
// one is open waits its turn instead of replacing the first half-way through. While a form is
// open, typed lines are its answers; `/cancel` sets it aside and sends nothing.

import type { ChatEvent, Form, Place } from '../../chat/index.ts';
import { toPlainText } from '../../chat/markup.ts';
import { platformTranslator } from '../form-parts.ts';
import type { ShellEmitter } from './shell-emitter.ts';
import { cancelledFormNote, type FormSession, startFormSession } from './shell-forms.ts';
import { type ShellOutput, writeNote } from './shell-output.ts';

export interface ShellFormQueue {
  /** The form being answered now, if any. */
  readonly active: FormSession | undefined;
  /** Queues a form opened by a handler; shows its first question when it is the only one. */
  open(event: ChatEvent, form: Form): Promise<void>;
  /** A line typed while `active` is open. */
  answer(line: string): Promise<void>;
  /** Drops every form (the input ended); true when one was open. */
  abandon(): boolean;
}

export function createShellFormQueue(deps: {
  readonly out: ShellOutput;
  /** Sends the finished form; read when a form is done, so it may be wired after this queue. */
  readonly emitter: () => ShellEmitter;
  readonly quit: () => void;
}): ShellFormQueue {
  const { out } = deps;
  const forms: FormSession[] = [];
  const note = (text: string) => writeNote(out, text);

  function next(): void {
    forms.shift();
    const following = forms[0];
    if (following) out.write(following.opening());
  }

  async function step(active: FormSession, line: string): Promise<void> {
    const result = active.answer(line);
    switch (result.kind) {
      case 'ask':
      case 'retry':
        return out.write(result.text);
      case 'failed':
        note(`${result.reason} Nothing was sent.`);
        return next();
      case 'done': {
        next();
        const { form } = active;
        const emitter = deps.emitter();
        return emitter.emit({
          kind: 'form',
          eventId: emitter.nextEventId(),
          actor: active.actor,
          place: active.place,
          formId: form.formId,
          ...(form.context === undefined ? {} : { context: form.context }),
          values: result.values,
        });
      }
    }
  }

  return {
    get active() {
      return forms[0];
    },
    async open(event, form) {
      // Place says: no channel id for a form opened from a direct message.
      const place: Place = event.place.isDirect ? { isDirect: true } : event.place;
      forms.push(startFormSession(form, { actor: event.actor, place }));
      if (forms.length === 1) out.write(forms[0]!.opening());
    },
    async answer(line) {
      const active = forms[0];
      if (!active) return;
      const typed = line.trim().toLowerCase();
      if (typed === '/cancel') {
        note(cancelledFormNote(platformTranslator(active.actor.locale)));
        return next();
      }
      if (typed === '/quit' || typed === '/exit') return deps.quit();
      if (typed === '/?' || typed === '/commands') {
        return note(toPlainText(platformTranslator(active.actor.locale)('platform.shell.inFormHelp')));
      }
      if (typed.startsWith('/')) {
        return note(toPlainText(platformTranslator(active.actor.locale)('platform.shell.inFormCommand')));
      }
      return step(active, line);
    },
    abandon() {
      const had = forms.length > 0;
      forms.length = 0;
      return had;
    },
  };
}
