// Reads an .xlsx file into the raw workbook shape Office.js would return for it (src/core/raw.ts): used ranges,
// dates as serial numbers in the 1900 date system, formulas as their cached results, rich text flattened, number
// formats, tables, and the settings the add-in saved in the file. The package is read by its relationships (so
// absolute targets, prefixed namespaces and Strict OOXML read like the usual form) and each part is streamed:
// reading costs time in proportion to the XML and memory in proportion to the filled cells, within the limits
// of src/xlsx/limits.ts. docs/xlsx-reading.md says what is read how, and why not with ExcelJS.
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { columnLetters as zeroBasedColumnLetters } from "../core/a1";
import type { FormulaWithoutResult, RawSheet, RawTable, RawWorkbook } from "../core/raw";
import { isZip, notWorkbookMessage, notZipMessage } from "./file-kind";
import {
  MAX_FILE_BYTES,
  MAX_FILLED_CELLS,
  MAX_PART_BYTES,
  MAX_TOTAL_BYTES,
  MAX_USED_RANGE_CELLS,
  megabytes,
} from "./limits";
import { BUILT_IN_FORMATS, isDateFormatId } from "./number-formats";
import { isSpreadsheetNs, relationshipId, SheetReader, unescapeXstring } from "./sheet";
import { readWebExtensionSettings } from "./webextensions";
import { attr, parseAttributes, XmlError, XmlScanner, type XmlHandler } from "./xml";
import { ZipArchive, ZipError, type ZipEntry } from "./zip";

/** The file could not be read as a workbook. The message is one sentence a finance officer can act on. */
export class TrackerFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrackerFileError";
  }
}

export interface ReadOptions {
  /**
   * "valuesOnly" (default) matches `getUsedRangeOrNullObject(true)`, which the add-in's Office.js gateway reads
   * (src/excel/read.ts): only cells holding a value count. "formatted" matches `getUsedRange()`: cells with a value
   * or with formatting count.
   */
  usedRange?: "formatted" | "valuesOnly";
}

/** The A1 column letters of a 1-based column. */
export function columnLetters(col: number): string {
  // The file counts columns from 1, the core from 0.
  return zeroBasedColumnLetters(col - 1);
}

// ---------------------------------------------------------------- package

const REL_NS_SUFFIX = /relationships\/(\w+)$/;

interface Relationship {
  id: string;
  /** The relationship type's last word: "worksheet", "sharedStrings", "officeDocument", "table", ... */
  type: string;
  /** The target part's name, resolved against the source part ("xl/worksheets/sheet1.xml"). */
  target: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of its source part; "/x" targets are from the root. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1);
  for (const seg of target.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") base.pop();
    else base.push(seg);
  }
  return base.join("/");
}

/** The relationships part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" -> "_rels/.rels". */
function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Collects every element in a part: for the small parts (relationships, workbook, styles, tables). */
class ElementCollector implements XmlHandler {
  readonly elements: { name: string; ns: string; attrs: string; path: string[] }[] = [];
  private readonly stack: string[] = [];
  open(name: string, ns: string, attrs: string): void {
    this.elements.push({ name, ns, attrs, path: [...this.stack] });
    // The scanner closes a self-closing element at once, so every open has its close.
    this.stack.push(name);
  }
  close(): void {
    this.stack.pop();
  }
  text(): void {}
}

/** Reads parts of one package within the byte budget, and turns container failures into sentences. */
class PackageReader {
  private inflated = 0;
  filledCells = 0;

  constructor(
    readonly zip: ZipArchive,
    readonly name: string,
  ) {}

  has(part: string): boolean {
    return this.zip.get(part) !== undefined;
  }

  tooLarge(what: string): TrackerFileError {
    return new TrackerFileError(
      `"${this.name}" is refused: ${what} unpacks to more than ${megabytes(MAX_PART_BYTES)} (a zip bomb, or a sheet padded with millions of empty cells); if it is a real tracker, delete what lies below and to the right of the data in Excel and save it again.`,
    );
  }

  damaged(): TrackerFileError {
    return new TrackerFileError(
      `"${this.name}" could not be opened as a workbook (part of the file is damaged): open it in Excel, save it again and retry.`,
    );
  }

  /** Streams a part's text through an XML handler. Absent parts are skipped (returns false). */
  async scan(
    part: string,
    makeHandler: (scanner: XmlScanner) => XmlHandler,
    what = `the part "${part}"`,
  ): Promise<boolean> {
    const entry = this.zip.get(part);
    if (!entry) return false;
    let scanner: XmlScanner | null = null;
    // UTF-16 parts (legal, with a byte-order mark) go through a decoder; UTF-8 ones are cut before their last "<"
    // (a byte that is never inside a multi-byte character), so the scanner gets whole tags in flat strings.
    let decoder: StringDecoder | null = null;
    let carry: Buffer | null = null;
    const budget = Math.min(MAX_PART_BYTES, MAX_TOTAL_BYTES - this.inflated);
    try {
      const size = await this.zip.inflate(entry, budget, (chunk) => {
        if (!scanner) {
          const utf16 = chunk.length >= 2 && chunk[0] === 0xff && chunk[1] === 0xfe;
          const bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
          if (utf16) decoder = new StringDecoder("utf16le");
          scanner = new XmlScanner();
          scanner.handler = makeHandler(scanner);
          chunk = chunk.subarray(utf16 ? 2 : bom ? 3 : 0);
        }
        if (decoder) {
          scanner.feed(decoder.write(chunk));
          return;
        }
        const data = carry ? Buffer.concat([carry, chunk]) : chunk;
        let cut = data.lastIndexOf(0x3c);
        if (cut <= 0) {
          // No tag starts here (a run of text or spaces): cut after the last whole character instead, so the
          // carry stays a few bytes however long the run.
          cut = data.length;
          while (cut > 0 && cut > data.length - 4 && (data[cut - 1] & 0xc0) === 0x80) cut--;
          if (cut > 0 && data[cut - 1] >= 0xc0) cut--;
        }
        scanner.feed(data.toString("utf8", 0, cut));
        carry = Buffer.from(data.subarray(cut));
      });
      this.inflated += size;
      const done = scanner as XmlScanner | null;
      if (done) {
        const rest = decoder
          ? (decoder as StringDecoder).end()
          : ((carry as Buffer | null)?.toString("utf8") ?? "");
        done.feed(rest);
        done.end();
      }
      return true;
    } catch (e) {
      throw this.translate(e, what, entry);
    }
  }

  translate(e: unknown, what: string, entry?: ZipEntry): Error {
    if (e instanceof TrackerFileError) return e;
    if (e instanceof ZipError) {
      if (e.kind === "too-large") {
        if (
          entry &&
          this.inflated + entry.declaredSize > MAX_TOTAL_BYTES &&
          entry.declaredSize <= MAX_PART_BYTES
        )
          return new TrackerFileError(
            `"${this.name}" is refused: its parts unpack to more than ${megabytes(MAX_TOTAL_BYTES)} in all (a zip bomb, or sheets padded with millions of empty cells); if it is a real tracker, delete what lies below and to the right of the data in Excel and save it again.`,
          );
        return this.tooLarge(what);
      }
      if (e.kind === "encrypted")
        return new TrackerFileError(
          `"${this.name}" is a password-protected zip file, not an Excel workbook: unpack it and choose the tracker saved as .xlsx.`,
        );
      if (e.kind === "method")
        return new TrackerFileError(
          `"${this.name}" is compressed in a way Excel does not write (${e.message}): open it in Excel, save it again and retry.`,
        );
      return this.damaged();
    }
    if (e instanceof XmlError) return this.damaged();
    return e as Error;
  }

  /** A small part's text (at most 1 MB), or null. */
  async text(part: string): Promise<string | null> {
    const entry = this.zip.get(part);
    if (!entry) return null;
    const chunks: Buffer[] = [];
    try {
      await this.zip.inflate(entry, 1024 * 1024, (c) => chunks.push(Buffer.from(c)));
    } catch {
      return null;
    }
    return Buffer.concat(chunks).toString("utf8");
  }

  async elements(part: string): Promise<ElementCollector["elements"]> {
    const collector = new ElementCollector();
    await this.scan(part, () => collector);
    return collector.elements;
  }

  async relationships(sourcePart: string): Promise<Relationship[]> {
    const rels: Relationship[] = [];
    for (const el of await this.elements(relsPartOf(sourcePart))) {
      if (el.name !== "Relationship") continue;
      const a = Object.fromEntries(parseAttributes(el.attrs));
      if (!a.Id || !a.Target) continue;
      const external = (a.TargetMode ?? "").toLowerCase() === "external";
      rels.push({
        id: a.Id,
        type: REL_NS_SUFFIX.exec(a.Type ?? "")?.[1] ?? a.Type ?? "",
        target: external ? a.Target : resolveTarget(sourcePart, a.Target),
        external,
      });
    }
    return rels;
  }
}

// ---------------------------------------------------------------- workbook parts

interface WorkbookPart {
  date1904: boolean;
  sheets: { name: string; state: string; rid: string }[];
}

async function readWorkbookPart(pkg: PackageReader, part: string): Promise<WorkbookPart> {
  const out: WorkbookPart = { date1904: false, sheets: [] };
  for (const el of await pkg.elements(part)) {
    if (!isSpreadsheetNs(el.ns)) continue;
    if (el.name === "workbookPr") {
      const v = (attr(el.attrs, "date1904") ?? "").toLowerCase();
      out.date1904 = v === "1" || v === "true";
    } else if (el.name === "sheet" && el.path.includes("sheets")) {
      out.sheets.push({
        name: attr(el.attrs, "name") ?? "",
        state: attr(el.attrs, "state") ?? "visible",
        rid: relationshipId(el.attrs) ?? "",
      });
    }
  }
  return out;
}

interface Styles {
  formats: string[];
  isDate: boolean[];
}

async function readStyles(pkg: PackageReader, part: string | undefined): Promise<Styles> {
  const styles: Styles = { formats: [], isDate: [] };
  if (!part) return styles;
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  for (const el of await pkg.elements(part)) {
    if (!isSpreadsheetNs(el.ns)) continue;
    if (el.name === "numFmt") {
      const id = Number(attr(el.attrs, "numFmtId"));
      const code = attr(el.attrs, "formatCode");
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    } else if (el.name === "xf" && el.path[el.path.length - 1] === "cellXfs") {
      xfs.push(Number(attr(el.attrs, "numFmtId") ?? 0));
    }
  }
  for (const id of xfs) {
    const code = custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General";
    styles.formats.push(code);
    styles.isDate.push(isDateFormatId(id, code));
  }
  return styles;
}

/** Shared strings: rich text runs joined, phonetic guides (rPh) left out, as Excel shows the cell. */
class SharedStrings implements XmlHandler {
  readonly strings: string[] = [];
  private current: string | null = null;
  private phonetic = 0;
  constructor(private readonly scanner: XmlScanner) {}
  open(name: string, ns: string, _attrs: string, selfClosing: boolean): void {
    if (!isSpreadsheetNs(ns)) return;
    if (name === "si") {
      this.current = "";
      if (selfClosing) this.current = null;
    } else if (name === "rPh") {
      if (!selfClosing) this.phonetic++;
    } else if (name === "t" && this.current !== null && this.phonetic === 0 && !selfClosing) {
      this.scanner.captureText = true;
    }
    if (name === "si" && selfClosing) this.strings.push("");
  }
  close(name: string, ns: string): void {
    if (!isSpreadsheetNs(ns)) return;
    if (name === "t") this.scanner.captureText = false;
    else if (name === "rPh") this.phonetic--;
    else if (name === "si" && this.current !== null) {
      this.strings.push(unescapeXstring(this.current));
      this.current = null;
    }
  }
  text(value: string): void {
    if (this.current !== null) this.current += value;
  }
}

async function readTable(pkg: PackageReader, part: string, sheet: string): Promise<RawTable | null> {
  for (const el of await pkg.elements(part)) {
    if (el.name !== "table" || !isSpreadsheetNs(el.ns)) continue;
    const name = attr(el.attrs, "displayName") ?? attr(el.attrs, "name");
    const range = attr(el.attrs, "ref");
    // A table with a header row of 0 has no header: the range still says where its data are.
    return name && range ? { name, sheet, range } : null;
  }
  return null;
}

// ---------------------------------------------------------------- the workbook

function visibilityOf(state: string): RawSheet["visibility"] {
  return state === "hidden" || state === "veryHidden" ? state : "visible";
}

/** Reads .xlsx bytes into a raw workbook. Throws TrackerFileError when the bytes are not a readable .xlsx. */
export async function readXlsxBuffer(
  data: ArrayBuffer | Uint8Array,
  name: string,
  options: ReadOptions = {},
): Promise<RawWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const refusal = notZipMessage(bytes, name);
  if (refusal) throw new TrackerFileError(refusal);
  if (!isZip(bytes)) throw new TrackerFileError(`"${name}" is not an Excel workbook (.xlsx).`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: ZipArchive;
  try {
    zip = ZipArchive.open(buffer);
  } catch {
    throw new TrackerFileError(
      `"${name}" is damaged or incomplete (it may have been cut short while copying): save or download it again.`,
    );
  }
  const pkg = new PackageReader(zip, name);

  // The workbook is the package's officeDocument, wherever it lives and however its target is written.
  const rootRels = await pkg.relationships("");
  const main = rootRels.find((r) => r.type === "officeDocument" && !r.external)?.target ?? null;
  const workbookPart =
    main && pkg.has(main) && /\.xml$/i.test(main)
      ? main
      : pkg.has("xl/workbook.xml")
        ? "xl/workbook.xml"
        : null;
  if (!workbookPart || (main !== null && /\.bin$/i.test(main)))
    throw new TrackerFileError(await notWorkbookMessage(zip, name, main, (p) => pkg.text(p)));

  const workbook = await readWorkbookPart(pkg, workbookPart);
  const rels = await pkg.relationships(workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const styles = await readStyles(pkg, rels.find((r) => r.type === "styles")?.target);
  let sharedStrings: string[] = [];
  const sstPart = rels.find((r) => r.type === "sharedStrings")?.target;
  if (sstPart) {
    let sst: SharedStrings | null = null;
    await pkg.scan(sstPart, (scanner) => (sst = new SharedStrings(scanner)), "its shared strings");
    sharedStrings = (sst as SharedStrings | null)?.strings ?? [];
  }

  const formatted = options.usedRange === "formatted";
  const sheets: RawSheet[] = [];
  const tables: RawTable[] = [];
  const formulasWithoutResult: FormulaWithoutResult[] = [];
  let usedCells = 0;
  for (const s of workbook.sheets) {
    const rel = byId.get(s.rid);
    // Chart sheets and dialog sheets have no cells; Office.js lists only worksheets.
    if (!rel || rel.type !== "worksheet") continue;
    let reader: SheetReader | null = null;
    const found = await pkg.scan(
      rel.target,
      (scanner) =>
        (reader = new SheetReader(
          s.name,
          {
            sharedStrings,
            styleFormats: styles.formats,
            styleIsDate: styles.isDate,
            date1904: workbook.date1904,
            formatted,
            onFilledCell: () => {
              if (++pkg.filledCells > MAX_FILLED_CELLS)
                throw new TrackerFileError(
                  `"${name}" is refused: it holds more than ${MAX_FILLED_CELLS.toLocaleString("en-GB")} filled cells (the most a tracker is read with), counting up to sheet "${s.name}"; keep the tracker's data in one workbook and move archives and other tables to another.`,
                );
            },
          },
          (on) => (scanner.captureText = on),
          (handler) => (scanner.emptyRow = handler),
          () => scanner.defaultNamespace,
        )),
      `sheet "${s.name}"`,
    );
    if (!found || !reader) {
      sheets.push({
        name: s.name,
        values: [],
        numberFormats: [],
        originRow: 0,
        originCol: 0,
        visibility: visibilityOf(s.state),
      });
      continue;
    }
    const sheet: SheetReader = reader;
    const size = sheet.usedRangeSize();
    usedCells += size.cells;
    if (usedCells > MAX_USED_RANGE_CELLS)
      throw new TrackerFileError(
        `"${name}" is refused: sheet "${s.name}" has values from ${size.first} to ${size.last}, which with the other sheets makes more than ${MAX_USED_RANGE_CELLS.toLocaleString("en-GB")} cells to read; delete the stray cells far from the data (Ctrl+End in Excel goes to the last one) and save it again.`,
      );
    sheets.push(sheet.toRawSheet(visibilityOf(s.state)));
    formulasWithoutResult.push(...sheet.formulasWithoutResult);
    if (sheet.tableIds.length > 0) {
      const sheetRels = await pkg.relationships(rel.target);
      for (const id of sheet.tableIds) {
        const t = sheetRels.find((r) => r.id === id && r.type === "table");
        if (!t) continue;
        const table = await readTable(pkg, t.target, s.name);
        if (table) tables.push(table);
      }
    }
  }
  const savedSettings = await readWebExtensionSettings(pkg, rootRels);
  return {
    name,
    sheets,
    tables,
    ...(savedSettings ? { savedSettings } : {}),
    ...(formulasWithoutResult.length > 0 ? { formulasWithoutResult } : {}),
  };
}

export type { PackageReader };

/** Reads an .xlsx file (read-only: the file is never opened for writing). */
export async function readXlsxFile(path: string, options: ReadOptions = {}): Promise<RawWorkbook> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new TrackerFileError(`"${path}" is a folder, not a file: give the path of the tracker .xlsx.`);
    if (info.size > MAX_FILE_BYTES)
      throw new TrackerFileError(
        `"${name}" is refused: it is ${megabytes(info.size)}, more than the ${megabytes(MAX_FILE_BYTES)} a tracker is read up to; check it is the tracker, and move archives and pictures to another workbook.`,
      );
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof TrackerFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new TrackerFileError(`There is no file at "${path}": check the path and the file name.`);
    if (code === "EACCES" || code === "EPERM")
      throw new TrackerFileError(
        `"${path}" cannot be read (permission denied): ask for read access or copy it locally.`,
      );
    throw new TrackerFileError(
      `"${path}" could not be read (${code ?? "unknown error"}): check the path and try again.`,
    );
  }
  return readXlsxBuffer(bytes, name, options);
}
