import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { toDeliveryError } from '../../../src/adapters/slack/slack-errors.ts';
import { DeliveryError } from '../../../src/chat/index.ts';

const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error });

describe('Slack failures as delivery errors', () => {
  it('turns a 429 into rate-limited with its Retry-After in milliseconds', () => {
    const error = toDeliveryError(new webApi.WebAPIRateLimitedError(7), 'send');
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ failure: 'rate-limited', retryAfterMs: 7000 });
  });

  it('gives up on errors that will not go away by themselves', () => {
    for (const code of [
      'channel_not_found',
      'not_in_channel',
      'invalid_auth',
      'user_not_found',
      'is_archived',
    ]) {
      expect(toDeliveryError(platform(code), 'send')).toMatchObject({
        failure: 'permanent',
        message: `send: ${code}`,
      });
    }
  });

  it("tries again later when Slack's side is having trouble", () => {
    expect(toDeliveryError(platform('internal_error'), 'send').failure).toBe('transient');
    expect(toDeliveryError(new webApi.WebAPIHTTPError(503, 'Service Unavailable', {}), 'send').failure).toBe(
      'transient',
    );
    expect(toDeliveryError(new webApi.WebAPIRequestError(new Error('socket hang up')), 'send').failure).toBe(
      'transient',
    );
    expect(toDeliveryError(new Error('anything else'), 'send').failure).toBe('transient');
  });

  it('treats other HTTP refusals as permanent', () => {
    expect(toDeliveryError(new webApi.WebAPIHTTPError(404, 'Not Found', {}), 'send').failure).toBe(
      'permanent',
    );
  });
});
