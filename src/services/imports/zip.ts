/**
 * Just enough ZIP for XLSX workbooks (an .xlsx is a zip of XML parts): reading stored and deflated
 * entries with limits against zip bombs, and writing a zip as a stream (entries deflated on the fly, sizes
 * and CRCs in data descriptors), so an export never holds the whole file in memory.
 */
import { inflateRawSync, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { msg, type Msg } from '../../domain/kernel/messages';
import { unreadable } from './table';

// ---- CRC-32 (zlib.crc32 needs Node 20.15; the engines field allows any Node 20) -------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** Continues a CRC-32 over more bytes (start with 0). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

// ---- reading ------------------------------------------------------------------------------------------------

/** Limits of one read: how many entries, and how many bytes the entries read may unpack to in all. */
export interface ZipLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
}

export interface ZipReader {
  names(): string[];
  has(name: string): boolean;
  /** The entry's bytes, unpacked; null when there is no such entry. Counts against the unpacked budget. */
  read(name: string): Buffer | null;
}

const notAWorkbook = (why: Msg) => unreadable(msg('imports.not_a_workbook', { why }), 'not_xlsx');

/** True when the bytes start like a zip file (an XLSX workbook). */
export const looksLikeZip = (b: Uint8Array): boolean => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * Opens a zip from its central directory. ZIP64, encryption and methods other than stored or deflate are
 * refused; every entry is unpacked with a ceiling (the declared sizes of a hostile file may lie), and
 * the entries read together may not unpack to more than `maxUnpackedBytes`.
 */
export function openZip(buf: Buffer, limits: ZipLimits): ZipReader {
  if (!looksLikeZip(buf)) throw notAWorkbook(msg('imports.zip.not_zip'));
  // the end of central directory record: at most 64 KiB of comment after it
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notAWorkbook(msg('imports.zip.no_directory'));
  const count = buf.readUInt16LE(eocd + 10);
  const dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw notAWorkbook(msg('imports.zip.zip64'));
  if (count > limits.maxEntries) throw notAWorkbook(msg('imports.zip.too_many_parts', { max: limits.maxEntries }));
  const entries = new Map<string, { method: number; flags: number; compressed: number; size: number; local: number }>();
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw notAWorkbook(msg('imports.zip.damaged_directory'));
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    entries.set(name.replace(/^\/+/, ''), { method, flags, compressed, size, local });
    p += 46 + nameLen + extraLen + commentLen;
  }
  let unpacked = 0;
  return {
    names: () => [...entries.keys()],
    has: (name) => entries.has(name),
    read(name) {
      const e = entries.get(name);
      if (!e) return null;
      if (e.flags & 1) throw notAWorkbook(msg('imports.zip.password'));
      if (e.local + 30 > buf.length || buf.readUInt32LE(e.local) !== 0x04034b50) throw notAWorkbook(msg('imports.zip.damaged_part', { name }));
      const start = e.local + 30 + buf.readUInt16LE(e.local + 26) + buf.readUInt16LE(e.local + 28);
      if (start + e.compressed > buf.length) throw notAWorkbook(msg('imports.zip.truncated_part', { name }));
      const data = buf.subarray(start, start + e.compressed);
      const budget = limits.maxUnpackedBytes - unpacked;
      let out: Buffer;
      if (e.method === 0) out = Buffer.from(data);
      else if (e.method === 8) {
        try {
          // one byte over the budget tells "too big" from "exactly at the limit"
          out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) });
        } catch (err) {
          if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) throw tooBig(limits);
          throw notAWorkbook(msg('imports.zip.damaged_part', { name }));
        }
      } else throw notAWorkbook(msg('imports.zip.compression', { method: e.method }));
      unpacked += out.length;
      if (unpacked > limits.maxUnpackedBytes) throw tooBig(limits);
      return out;
    },
  };
}

const tooBig = (limits: ZipLimits) =>
  unreadable(msg('imports.too_large_unpacked', { megabytes: Math.round(limits.maxUnpackedBytes / 1024 / 1024) }), 'too_large_unpacked');

// ---- writing ------------------------------------------------------------------------------------------------

/** A part of the zip: text or bytes, or chunks produced as the zip is written. */
export interface ZipEntry {
  name: string;
  data: string | Buffer | AsyncIterable<string | Buffer>;
}

const u16 = (v: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
};
const u32 = (v: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
};
/** 1980-01-01 00:00 in DOS time: the zip carries no clock reading, so the same content gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * Writes the entries as one zip, chunk by chunk: each entry is deflated as it is produced, its CRC and
 * sizes follow it in a data descriptor, and the central directory closes the file.
 */
export async function* zipStream(entries: readonly ZipEntry[]): AsyncGenerator<Buffer> {
  let offset = 0;
  const dir: Buffer[] = [];
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const flags = 0x0008 | 0x0800; // sizes in a data descriptor; UTF-8 names
    const local = Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(8), u16(DOS_TIME), u16(DOS_DATE), u32(0), u32(0), u32(0), u16(name.length), u16(0), name]);
    const headerAt = offset;
    yield local;
    offset += local.length;
    let crc = 0;
    let size = 0;
    let compressed = 0;
    if (typeof entry.data === 'string' || Buffer.isBuffer(entry.data)) {
      const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
      crc = crc32(raw);
      size = raw.length;
      const out = deflateRawSync(raw);
      compressed = out.length;
      yield out;
    } else {
      const source = entry.data;
      const tapped = async function* () {
        for await (const chunk of source) {
          const b = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          crc = crc32(b, crc);
          size += b.length;
          yield b;
        }
      };
      const deflate = createDeflateRaw();
      const input = Readable.from(tapped());
      input.on('error', (err) => deflate.destroy(err));
      input.pipe(deflate);
      for await (const out of deflate as AsyncIterable<Buffer>) {
        compressed += out.length;
        yield out;
      }
    }
    if (size > 0xfffffffe || offset + compressed > 0xfffffffe) throw new RangeError('The export is too large for a zip file without ZIP64');
    offset += compressed;
    const descriptor = Buffer.concat([u32(0x08074b50), u32(crc), u32(compressed), u32(size)]);
    yield descriptor;
    offset += descriptor.length;
    dir.push(Buffer.concat([
      u32(0x02014b50), u16(20), u16(20), u16(flags), u16(8), u16(DOS_TIME), u16(DOS_DATE), u32(crc), u32(compressed), u32(size),
      u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(headerAt), name,
    ]));
  }
  const central = Buffer.concat(dir);
  yield central;
  yield Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(entries.length), u16(entries.length), u32(central.length), u32(offset), u16(0)]);
}

/** The whole zip in memory (tests, small files). */
export async function zipBuffer(entries: readonly ZipEntry[]): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of zipStream(entries)) parts.push(b);
  return Buffer.concat(parts);
}
