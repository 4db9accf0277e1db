// Turns what happens in the playground into ChatEvents for the router: each gets an id with
// the session's prefix and a Reply that answers in the playground. A sink that throws anyway
// (the router answers its own failures) is logged and met with a warm line, never a crash.

import { type ChatEvent, type EventSink, errorFields, type Form, type Logger } from '../../chat/index.ts';
import type { ShellDeliveries } from './shell-deliveries.ts';
import { type ShellOutput, writeNote } from './shell-output.ts';
import { createShellReply } from './shell-reply.ts';

export interface ShellEmitter {
  /** A fresh event id: `<session>-e<n>`. */
  nextEventId(): string;
  /** Hands the event to the router and waits until it is answered. */
  emit(event: ChatEvent): Promise<void>;
  /** Events emitted so far. */
  readonly count: number;
}

export function createShellEmitter(deps: {
  readonly session: string;
  readonly sink: EventSink;
  readonly logger: Logger;
  readonly out: ShellOutput;
  readonly deliveries: ShellDeliveries;
  /** Where `reply.openForm` goes (the form queue). */
  readonly openForm: (event: ChatEvent, form: Form) => Promise<void>;
}): ShellEmitter {
  let count = 0;
  return {
    nextEventId: () => `${deps.session}-e${++count}`,
    get count() {
      return count;
    },
    async emit(event) {
      const reply = createShellReply(event, { deliveries: deps.deliveries, openForm: deps.openForm });
      try {
        await deps.sink(event, reply);
      } catch (error) {
        deps.logger.error(
          { event: 'shell.event.failed', kind: event.kind, eventId: event.eventId, err: errorFields(error) },
          'event failed',
        );
        writeNote(
          deps.out,
          "Sorry, something went wrong on PeerBridge's side. You didn't do anything wrong; try again in a moment.",
        );
      }
    },
  };
}
