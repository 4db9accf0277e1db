// Mattermost REST failures -> DeliveryError, so the outbox can tell "wait", "try later" and
// "give up". A 429 carries the server's wait (mattermost-rest.ts reads it from the headers).
import { DeliveryError } from '../../chat/outbound.ts';
import { MattermostHttpError } from './mattermost-rest.ts';

export function toDeliveryError(error: unknown, what: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const options = { cause: error };
  if (error instanceof MattermostHttpError) {
    if (error.status === 429)
      return new DeliveryError(
        'rate-limited',
        `${what}: Mattermost rate limited the call`,
        error.retryAfterMs,
        options,
      );
    const failure = error.status >= 500 || error.status === 408 ? 'transient' : 'permanent';
    return new DeliveryError(
      failure,
      `${what}: HTTP ${error.status} ${error.serverErrorId ?? ''}`.trim(),
      undefined,
      options,
    );
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DeliveryError('transient', `${what}: ${message}`, undefined, options);
}

/** The server's "no such user / channel here" answers: nobody, not a failure. */
export const isNotFound = (error: unknown): boolean =>
  error instanceof MattermostHttpError && (error.status === 404 || error.status === 403);
