// A minimal zip reader and writer for HSDS CSV data packages, on node's zlib: stored and
// deflated entries, no zip64, no encryption (a data package is a handful of CSV files). The
// reader has a byte budget for everything it unpacks and a cap on files: declared sizes are
// checked before anything is inflated, and each inflate stops at what is left of the budget
// (zlib's maxOutputLength), so a small zip cannot unpack into more memory than the budget
// whatever its headers claim.
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { ImportLimitError, megabytes } from './limits.ts';

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function endOfDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  for (let at = buf.length - 22; at >= Math.max(0, buf.length - 22 - 0xffff); at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  throw new ZipError('this is not a zip file I can read (no end-of-directory record)');
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export interface ZipLimits {
  /** Everything the zip unpacks to, all files together. */
  readonly inflatedBytes: number;
  /** Files (and folders) in the zip. */
  readonly entries: number;
}

const unpacksTooMuch = (limits: ZipLimits) =>
  new ImportLimitError(
    `it unpacks to more than ${megabytes(limits.inflatedBytes)}, the most I unpack from one file`,
  );

function entriesOf(buf: Buffer, limits: ZipLimits): Entry[] {
  const eocd = endOfDirectory(buf);
  const count = buf.readUInt16LE(eocd + 10);
  if (count > limits.entries)
    throw new ImportLimitError(
      `it holds ${count} files, more than the ${limits.entries} I read from one zip`,
    );
  let at = buf.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
      throw new ZipError('the zip directory is damaged');
    const nameLength = buf.readUInt16LE(at + 28);
    entries.push({
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return entries;
}

function contentOf(buf: Buffer, entry: Entry, maxBytes: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL)
    throw new ZipError(`the zip entry ${entry.name} is damaged`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data;
  if (entry.method !== 8)
    throw new ZipError(`${entry.name} is compressed in a way I cannot read (only stored or deflated)`);
  try {
    // maxOutputLength 0 would mean "no limit" to zlib: ask for at least one byte.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new BudgetSpent();
    throw new ZipError(`${entry.name} could not be unpacked (it is damaged)`);
  }
}

class BudgetSpent extends Error {}

export const defaultZipLimits: ZipLimits = { inflatedBytes: 200 * 1024 * 1024, entries: 1_000 };

/** Every file in the zip (folders skipped), by its path inside the zip, within the limits. */
export function readZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = entriesOf(buf, limits);
  // What the headers claim first: a zip that says it is too big is refused before any inflating.
  if (entries.reduce((sum, entry) => sum + entry.size, 0) > limits.inflatedBytes)
    throw unpacksTooMuch(limits);
  const files = new Map<string, Buffer>();
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    let content: Buffer;
    try {
      content = contentOf(buf, entry, limits.inflatedBytes - total);
    } catch (error) {
      if (error instanceof BudgetSpent) throw unpacksTooMuch(limits);
      throw error;
    }
    total += content.length;
    // A stored entry is not inflated: its size counts against the budget all the same.
    if (total > limits.inflatedBytes) throw unpacksTooMuch(limits);
    files.set(entry.name, content);
  }
  return files;
}

/** A zip of these files, deflated, with a fixed date so that the same files give the same bytes. */
export function writeZip(files: ReadonlyMap<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, value] of files) {
    const raw = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
    const packed = deflateRawSync(raw);
    const nameBytes = Buffer.from(name, 'utf8');
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed
    common.writeUInt16LE(0x0800, 2); // names are UTF-8
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(0, 6); // 00:00
    common.writeUInt16LE(0x21, 8); // 1980-01-01
    common.writeUInt32LE(crc32(raw), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(raw.length, 18);
    common.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([u32(LOCAL), common, nameBytes, packed]);
    // comment length, disk, internal and external attributes, then where the local header is.
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([u32(CENTRAL), Buffer.from([20, 0]), common, tail, nameBytes]));
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32LE(value, 0);
  return out;
}
