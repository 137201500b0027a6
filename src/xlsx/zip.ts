// The zip container of an .xlsx, read from its central directory, each part inflated as a stream so that a part
// of any size costs only the memory of one chunk, and a part that inflates past the limit is stopped there.
import { createInflateRaw } from "node:zlib";

/** One file (OPC part) in the zip, as its central directory describes it. */
export interface ZipEntry {
  /** Name as stored, with "/" separators and no leading "/". */
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** Size the directory declares; a hostile file may lie, so inflation counts for itself. */
  declaredSize: number;
  localHeaderOffset: number;
}

/** Why the zip could not be read. `kind` lets the caller word the sentence for the user. */
export class ZipError extends Error {
  constructor(
    readonly kind: "damaged" | "encrypted" | "method" | "too-large",
    message: string,
  ) {
    super(message);
    this.name = "ZipError";
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const stop = Math.max(0, buf.length - 22 - 65_535);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/** The part names (OPC names are case-insensitive) mapped to their entries. */
export class ZipArchive {
  private readonly byKey = new Map<string, ZipEntry>();

  private constructor(
    readonly bytes: Buffer,
    readonly entries: ZipEntry[],
  ) {
    for (const e of entries) {
      const key = ZipArchive.key(e.name);
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
  }

  static key(name: string): string {
    return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
  }

  /** Reads the central directory. Throws ZipError("damaged") when there is none to read. */
  static open(bytes: Buffer): ZipArchive {
    const eocd = findEndOfCentralDirectory(bytes);
    if (eocd < 0) throw new ZipError("damaged", "no end of central directory");
    let count = bytes.readUInt16LE(eocd + 10);
    let size = bytes.readUInt32LE(eocd + 12);
    let offset = bytes.readUInt32LE(eocd + 16);
    if (eocd >= 20 && bytes.readUInt32LE(eocd - 20) === ZIP64_LOCATOR) {
      const at = Number(bytes.readBigUInt64LE(eocd - 12));
      if (at + 56 <= bytes.length && bytes.readUInt32LE(at) === ZIP64_EOCD) {
        count = Number(bytes.readBigUInt64LE(at + 32));
        size = Number(bytes.readBigUInt64LE(at + 40));
        offset = Number(bytes.readBigUInt64LE(at + 48));
      }
    }
    if (offset + size > bytes.length) throw new ZipError("damaged", "central directory past the end");
    const entries: ZipEntry[] = [];
    let p = offset;
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL)
        throw new ZipError("damaged", "bad central directory entry");
      const flags = bytes.readUInt16LE(p + 8);
      const method = bytes.readUInt16LE(p + 10);
      let compressedSize = bytes.readUInt32LE(p + 20);
      let declaredSize = bytes.readUInt32LE(p + 24);
      const nameLength = bytes.readUInt16LE(p + 28);
      const extraLength = bytes.readUInt16LE(p + 30);
      const commentLength = bytes.readUInt16LE(p + 32);
      let localHeaderOffset = bytes.readUInt32LE(p + 42);
      const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
      // Bit 11: the name is UTF-8; otherwise CP437, which for part names is ASCII in practice.
      const name = nameBytes.toString(flags & 0x800 ? "utf8" : "latin1");
      // Zip64 sizes live in the extra field when the 32-bit ones are saturated.
      let x = p + 46 + nameLength;
      const xEnd = x + extraLength;
      while (x + 4 <= xEnd) {
        const id = bytes.readUInt16LE(x);
        const len = bytes.readUInt16LE(x + 2);
        if (id === 1) {
          let q = x + 4;
          if (declaredSize === 0xffffffff && q + 8 <= x + 4 + len) {
            declaredSize = Number(bytes.readBigUInt64LE(q));
            q += 8;
          }
          if (compressedSize === 0xffffffff && q + 8 <= x + 4 + len) {
            compressedSize = Number(bytes.readBigUInt64LE(q));
            q += 8;
          }
          if (localHeaderOffset === 0xffffffff && q + 8 <= x + 4 + len)
            localHeaderOffset = Number(bytes.readBigUInt64LE(q));
        }
        x += 4 + len;
      }
      entries.push({
        name: name.replace(/\\/g, "/").replace(/^\/+/, ""),
        method,
        encrypted: (flags & 1) === 1,
        compressedSize,
        declaredSize,
        localHeaderOffset,
      });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipArchive(bytes, entries);
  }

  /** The entry for a part name ("xl/workbook.xml", "/xl/workbook.xml", any case), or undefined. */
  get(name: string): ZipEntry | undefined {
    return this.byKey.get(ZipArchive.key(name));
  }

  /** The compressed bytes of an entry, found through its local header. */
  private compressed(entry: ZipEntry): Buffer {
    const p = entry.localHeaderOffset;
    if (p + 30 > this.bytes.length || this.bytes.readUInt32LE(p) !== LOCAL)
      throw new ZipError("damaged", `bad local header for ${entry.name}`);
    const start = p + 30 + this.bytes.readUInt16LE(p + 26) + this.bytes.readUInt16LE(p + 28);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw new ZipError("damaged", `${entry.name} is cut short`);
    return this.bytes.subarray(start, end);
  }

  /**
   * Inflates an entry chunk by chunk into `onChunk`. Stops with ZipError("too-large") as soon as more than
   * `limit` bytes come out, whatever the directory declared. An error thrown by `onChunk` stops it too.
   */
  inflate(entry: ZipEntry, limit: number, onChunk: (chunk: Buffer) => void): Promise<number> {
    if (entry.encrypted) return Promise.reject(new ZipError("encrypted", `${entry.name} is encrypted`));
    if (entry.declaredSize > limit)
      return Promise.reject(new ZipError("too-large", `${entry.name} declares ${entry.declaredSize} bytes`));
    let data: Buffer;
    try {
      data = this.compressed(entry);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    if (entry.method === 0) {
      if (data.length > limit)
        return Promise.reject(new ZipError("too-large", `${entry.name} holds ${data.length} bytes`));
      try {
        // Stored parts are handed over in slices, as inflated ones are.
        for (let i = 0; i < data.length; i += CHUNK) onChunk(data.subarray(i, i + CHUNK));
      } catch (e) {
        return Promise.reject(e as Error);
      }
      return Promise.resolve(data.length);
    }
    if (entry.method !== 8)
      return Promise.reject(new ZipError("method", `${entry.name} uses compression method ${entry.method}`));
    return new Promise((resolve, reject) => {
      const inflater = createInflateRaw({ chunkSize: CHUNK });
      let total = 0;
      let failed = false;
      const fail = (e: Error) => {
        if (failed) return;
        failed = true;
        inflater.destroy();
        reject(e);
      };
      inflater.on("data", (chunk: Buffer) => {
        if (failed) return;
        total += chunk.length;
        if (total > limit) {
          fail(new ZipError("too-large", `${entry.name} inflates past ${limit} bytes`));
          return;
        }
        try {
          onChunk(chunk);
        } catch (e) {
          fail(e as Error);
        }
      });
      inflater.on("error", () => fail(new ZipError("damaged", `${entry.name} does not inflate`)));
      inflater.on("end", () => {
        if (!failed) resolve(total);
      });
      inflater.end(data);
    });
  }
}

/** Inflated bytes are handed on in pieces of this size. */
const CHUNK = 1 << 20;
