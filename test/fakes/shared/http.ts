import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FormValue = string | { filename: string; size: number; contentType: string; bytes: Uint8Array };

/** A request body, decoded according to its content type. */
export type ParsedBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Record<string, string> }
  | { kind: 'multipart'; fields: Record<string, FormValue> }
  | { kind: 'raw'; contentType: string; bytes: Buffer };

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

export async function parseBody(headers: IncomingHttpHeaders, bytes: Buffer): Promise<ParsedBody> {
  if (bytes.length === 0) return { kind: 'empty' };
  const contentType = headers['content-type'] ?? '';
  if (contentType.startsWith('application/json')) {
    return { kind: 'json', value: JSON.parse(bytes.toString('utf8')) as unknown };
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    return { kind: 'form', fields: Object.fromEntries(new URLSearchParams(bytes.toString('utf8'))) };
  }
  if (contentType.startsWith('multipart/form-data')) {
    // Let the platform's multipart parser do the work.
    const form = await new Response(new Uint8Array(bytes), {
      headers: { 'content-type': contentType },
    }).formData();
    const fields: Record<string, FormValue> = {};
    for (const [key, value] of form.entries()) {
      fields[key] =
        typeof value === 'string'
          ? value
          : {
              filename: value.name,
              size: value.size,
              contentType: value.type || 'application/octet-stream',
              bytes: new Uint8Array(await value.arrayBuffer()),
            };
    }
    return { kind: 'multipart', fields };
  }
  return { kind: 'raw', contentType, bytes };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

/** Listens on 127.0.0.1 with an OS-chosen port and returns that port. */
export function listenOnRandomPort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Closes the server and drops keep-alive sockets (the libraries keep connections pooled). */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Narrowing helpers for `unknown` JSON. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
