import { crc32, deflateRawSync } from 'node:zlib';

/** One entry of a test archive. */
export interface ZipEntrySpec {
  /** Written as is (UTF-8 flag set), so tests can write unsafe names like `../evil.csv`. */
  name: string;
  data: string | Buffer;
  /** Deflate the data (method 8) instead of storing it (method 0). */
  deflate?: boolean;
  /** Set the "encrypted" flag; the data gets the 12-byte header traditional encryption adds (not real encryption). */
  encrypted?: boolean;
  /** Write this uncompressed size instead of the real one (to make the central directory lie). */
  declaredSize?: number;
}

/**
 * A tiny zip writer for tests (yauzl only reads): local headers, data, central directory and the
 * end record, no zip64, no data descriptors. Enough to build real archives byte by byte.
 */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    let body = entry.deflate ? deflateRawSync(raw) : raw;
    if (entry.encrypted) body = Buffer.concat([Buffer.alloc(12, 0x5a), body]);
    const name = Buffer.from(entry.name, 'utf8');
    const fields = {
      flags: 0x0800 | (entry.encrypted ? 0x0001 : 0),
      method: entry.deflate ? 8 : 0,
      crc: crc32(raw),
      compressed: body.length,
      size: entry.declaredSize ?? raw.length,
    };
    const local = header(0x04034b50, fields, name, null);
    locals.push(local, name, body);
    centrals.push(header(0x02014b50, fields, name, offset), name);
    offset += local.length + name.length + body.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

interface HeaderFields {
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
}

/** A local file header (offset null) or a central directory header (offset of its local header). */
function header(signature: number, f: HeaderFields, name: Buffer, offset: number | null): Buffer {
  const central = offset !== null;
  const b = Buffer.alloc(central ? 46 : 30);
  let p = 0;
  const u16 = (v: number) => ((p = b.writeUInt16LE(v, p)), undefined);
  const u32 = (v: number) => ((p = b.writeUInt32LE(v >>> 0, p)), undefined);
  u32(signature);
  if (central) u16(20); // version made by
  u16(20); // version needed
  u16(f.flags);
  u16(f.method);
  u16(0); // time
  u16(0x5c21); // date: 2026-01-01
  u32(f.crc);
  u32(f.compressed);
  u32(f.size);
  u16(name.length);
  u16(0); // extra length
  if (central) {
    u16(0); // comment length
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offset);
  }
  return b;
}
