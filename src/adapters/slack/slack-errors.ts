// Slack Web API failures -> DeliveryError, so the outbox can tell "wait", "try later" and "give up".
//
// Slack answers most failures with HTTP 200 and `{ ok: false, error }`; only rate limits come
// as HTTP 429 with Retry-After (seconds). The web-api client must be made with
// `rejectRateLimitedCalls: true` for a 429 to reach us at all instead of being waited out inside.
import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../chat/outbound.ts';

// Slack's own words for "our side is having trouble": worth another try later.
const transientCodes = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

const rateLimitedCodes = new Set(['ratelimited', 'rate_limited']);

const DEFAULT_RETRY_AFTER_MS = 1000;

/** The Slack error code of a failed call (`channel_not_found`), when Slack gave one. */
export function slackErrorCode(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}

export function toDeliveryError(error: unknown, what: string): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const options = { cause: error };
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError(
      'rate-limited',
      `${what}: Slack rate limited the call`,
      error.retryAfter * 1000,
      options,
    );
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (rateLimitedCodes.has(code))
      return new DeliveryError('rate-limited', `${what}: ${code}`, DEFAULT_RETRY_AFTER_MS, options);
    const failure = transientCodes.has(code) ? 'transient' : 'permanent';
    return new DeliveryError(failure, `${what}: ${code}`, undefined, options);
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    const status = error.statusCode;
    const failure = status >= 500 || status === 408 ? 'transient' : 'permanent';
    return new DeliveryError(failure, `${what}: HTTP ${status}`, undefined, options);
  }
  if (error instanceof webApi.WebAPIRequestError) {
    return new DeliveryError('transient', `${what}: ${error.original.message}`, undefined, options);
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DeliveryError('transient', `${what}: ${message}`, undefined, options);
}
