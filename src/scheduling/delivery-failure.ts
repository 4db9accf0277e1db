// A failed platform call as the worker records it: what kind of failure (it decides retry,
// wait or give up) and a bounded message for `lastError` and the admin view.
import { DeliveryError, type DeliveryFailure, errorFields } from '../chat/index.ts';

const MAX_ERROR_LENGTH = 500;

export interface DescribedFailure {
  readonly failure: DeliveryFailure;
  readonly message: string;
  readonly retryAfterMs?: number;
}

export function describeFailure(error: unknown): DescribedFailure {
  if (error instanceof DeliveryError) {
    return {
      failure: error.failure,
      message: error.message.slice(0, MAX_ERROR_LENGTH),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  // Anything else (a socket reset, a bug in an adapter) may pass on its own: transient.
  // Only the first line: lines below it (a query and its arguments) can quote private text.
  const fields = errorFields(error);
  const message = fields.message === undefined ? fields.type : `${fields.type}: ${fields.message}`;
  return { failure: 'transient', message: message.slice(0, MAX_ERROR_LENGTH) };
}
