// The REST v4 client: @mattermost/client's Client4 with two things it lacks. A 429 reaches
// Client4 as an error without a status code (it reads the status from the JSON body, which a
// rate-limit answer does not carry), so this client reads the response itself and keeps the
// status and the X-Ratelimit-* / Retry-After wait; and Client4 has no method for opening an
// interactive dialog, so `openDialog` posts to /api/v4/actions/dialogs/open.
import { Client4, ClientError } from '@mattermost/client';
import { OUTBOX_REQUEST_TIMEOUT_MS } from '../../chat/outbound.ts';

/** A failed REST call, with the HTTP status and, for a 429, how long the server asks to wait. */
export class MattermostHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly serverErrorId?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'MattermostHttpError';
  }
}

type FetchOptions = Parameters<Client4['getOptions']>[0];

/** Milliseconds to wait from a 429's headers: Retry-After, else X-Ratelimit-Reset (seconds). */
export function retryAfterFrom(headers: Headers): number | undefined {
  const seconds = Number(headers.get('retry-after') ?? headers.get('x-ratelimit-reset') ?? Number.NaN);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.max(1, seconds) * 1000 : undefined;
}

export class MattermostRest extends Client4 {
  constructor(url: string, token: string) {
    super();
    this.setUrl(url);
    this.setToken(token);
    this.setUserAgent('PeerBridge');
  }

  // Every Client4 method this project calls goes through doFetch.
  protected override doFetch = async <T>(url: string, options: FetchOptions): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(url, {
        ...this.getOptions(options),
        signal: AbortSignal.timeout(OUTBOX_REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ClientError(this.getUrl(), { message: 'Mattermost did not answer', url }, error);
    }
    const type = response.headers.get('content-type') ?? '';
    const body: unknown = type.includes('application/json')
      ? await response.json().catch(() => ({}))
      : await response.text();
    if (response.ok) return body as T;
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const message = typeof fields.message === 'string' ? fields.message : `HTTP ${response.status}`;
    throw new MattermostHttpError(
      response.status,
      message,
      typeof fields.id === 'string' ? fields.id : undefined,
      response.status === 429 ? (retryAfterFrom(response.headers) ?? 1000) : undefined,
    );
  };

  /**
   * A file's bytes (GET /files/{id}). Reads at most one byte past `announced` (the size the
   * server listed): more than that is refused by the caller's size check, never buffered whole.
   */
  async fileBytes(fileId: string, announced: number): Promise<Uint8Array> {
    const url = this.getFileUrl(fileId, 0);
    let response: Response;
    try {
      response = await fetch(url, {
        ...this.getOptions({ method: 'get' }),
        signal: AbortSignal.timeout(OUTBOX_REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ClientError(this.getUrl(), { message: 'Mattermost did not answer', url }, error);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new MattermostHttpError(response.status, `HTTP ${response.status} for a file`);
    }
    const cap = announced + 1;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size >= cap) {
        await reader.cancel();
        break;
      }
    }
    const bytes = new Uint8Array(Math.min(size, cap));
    let at = 0;
    for (const chunk of chunks) {
      const part = chunk.subarray(0, bytes.byteLength - at);
      bytes.set(part, at);
      at += part.byteLength;
    }
    return bytes;
  }

  /** Opens an interactive dialog for the person whose trigger this is (valid ~3 s, once). */
  openDialog(request: { trigger_id: string; url: string; dialog: unknown }): Promise<unknown> {
    return this.doFetch(`${this.getBaseRoute()}/actions/dialogs/open`, {
      method: 'post',
      body: JSON.stringify(request),
    });
  }
}
