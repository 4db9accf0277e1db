// Private free text (trigger-flag notes, private check-in answers, wellness plans, private
// outbox payloads) is encrypted at rest with AES-256-GCM. An envelope names the key it was
// made with, so a wrong key is reported as such instead of as tampering or as garbage.
//
// Envelope versions (the first field; all stay readable, `npm run keys:rotate` rewrites the
// older ones as v3):
// - v1 (oldest rows): associated data = the field's name (`TriggerFlag.note`). Bound to its
//   column only: a database writer could move it to another row of the same column.
// - v2: associated data = the field's name, a NUL, and the row it belongs to, where one was
//   given: outbox payloads had one, the features' fields (flags, answers, plans) did not.
// - v3 (written now): as v2, and the row is required: every envelope names the row it belongs
//   to (its id, or what identifies it, e.g. an outbox row's idempotency key and recipient).
//   Moved to another row, it fails its integrity check.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const ENVELOPE_VERSION = 'v3';
const UNBOUND_VERSION = 'v1';
const OPTIONALLY_BOUND_VERSION = 'v2';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class WrongKeyError extends Error {
  constructor(envelopeKeyId: string, configuredKeyId: string) {
    super(
      `Private text was encrypted with key ${envelopeKeyId}, but the configured key is ${configuredKeyId}. ` +
        'Set ENCRYPTION_KEY (or restore the key file in DATA_DIR) to the key this database was created with. Nothing was decrypted.',
    );
    this.name = 'WrongKeyError';
  }
}

export class TamperedError extends Error {
  constructor(reason: string) {
    super(
      `Private text failed its integrity check (${reason}): it was changed or damaged in the database. Nothing was decrypted.`,
    );
    this.name = 'TamperedError';
  }
}

export interface FieldCipher {
  /** A short, non-secret fingerprint of the key (first 8 hex characters of its SHA-256). */
  readonly keyId: string;
  /**
   * `context` binds the envelope to the column it is stored in (e.g. `TriggerFlag.note`);
   * `row` (associated data too) binds it to the row: pass the row's id, or another value that
   * names that row and that decrypt can give again (outbox: idempotency key + recipient).
   * Decrypt must be given the same `context` and `row`, or it throws TamperedError.
   */
  encrypt(plain: string, context: string, row: string): string;
  /**
   * Reads v3 envelopes (context + row), v2 ones (context + row, or context alone for those
   * written without one) and v1 ones (context only; `row` is not checked).
   */
  decrypt(envelope: string, context: string, row: string): string;
}

function associatedData(version: string, context: string, row: string): Buffer {
  return Buffer.from(version === UNBOUND_VERSION ? context : `${context}\u0000${row}`, 'utf8');
}

/** True when `envelope` is of the current version (bound to its row): nothing to rewrite. */
export const isCurrentVersion = (envelope: string): boolean => envelope.startsWith(`${ENVELOPE_VERSION}:`);

function keyFingerprint(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}

export function createFieldCipher(key: Buffer): FieldCipher {
  if (key.length !== 32) throw new Error(`An AES-256 key must be 32 bytes; this one has ${key.length}.`);
  const keyId = keyFingerprint(key);
  return {
    keyId,
    encrypt(plain, context, row) {
      if (row === '') throw new Error(`An envelope of ${context} must name its row; none was given.`);
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(associatedData(ENVELOPE_VERSION, context, row));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${ENVELOPE_VERSION}:${keyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(envelope, context, row) {
      const [version, envelopeKeyId, payload, ...rest] = envelope.split(':');
      const known =
        version === ENVELOPE_VERSION || version === OPTIONALLY_BOUND_VERSION || version === UNBOUND_VERSION;
      if (!known || envelopeKeyId === undefined || payload === undefined || rest.length > 0) {
        throw new TamperedError('not a PeerBridge envelope');
      }
      if (envelopeKeyId !== keyId) throw new WrongKeyError(envelopeKeyId, keyId);
      const raw = Buffer.from(payload, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new TamperedError('too short');
      const opened = open(key, raw, associatedData(version, context, row));
      if (opened !== undefined) return opened;
      // A v2 envelope of a feature's field was written without its row.
      const unbound =
        version === OPTIONALLY_BOUND_VERSION
          ? open(key, raw, associatedData(version, context, ''))
          : undefined;
      if (unbound !== undefined) return unbound;
      throw new TamperedError('authentication tag mismatch');
    },
  };
}

/** The plain text, or undefined when the tag does not match this associated data. */
function open(key: Buffer, raw: Buffer, aad: Buffer): string | undefined {
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(aad);
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    return undefined;
  }
}
