// One request id per incoming event, carried by AsyncLocalStorage so that every log line
// written while the event is handled (router, features, the replies' adapters) names it,
// without threading a logger through every call. The logger's pino `mixin` reads it.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

interface RequestScope {
  readonly requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/** Runs `work` with a fresh request id in scope. */
export function withRequestId<T>(work: () => Promise<T>, requestId: string = randomUUID()): Promise<T> {
  return scope.run({ requestId }, work);
}

/** The request id of the event being handled, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}

/** For pino's `mixin`: adds `requestId` to a line written inside an event's handling. */
export function requestIdMixin(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId === undefined ? {} : { requestId };
}
