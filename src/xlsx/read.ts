// Reads an .xlsx file with ExcelJS into the raw workbook shape Office.js would return for it (src/core/raw.ts):
// used ranges, dates as serial numbers, formulas as their cached results, rich text flattened, number formats.
import ExcelJS from "exceljs";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { columnLetters as zeroBasedColumnLetters } from "../core/a1";
import type { RawCell, RawSheet, RawTable, RawWorkbook } from "../core/raw";
import { dateToSerial } from "../core/serial";

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

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Whether an OLE compound file holds an encrypted Office Open XML package (rather than a legacy .xls). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  // Stream names in the OLE directory are UTF-16LE; "EncryptedPackage" marks an Office-encrypted file.
  const needle = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

/** Checks the bytes are an .xlsx before handing them to ExcelJS, so each failure gets its own plain sentence. */
async function checkPackage(bytes: Uint8Array, name: string): Promise<void> {
  if (bytes.length === 0)
    throw new TrackerFileError(`"${name}" is empty (0 bytes): save the tracker again from Excel.`);
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (isEncryptedPackage(bytes))
      throw new TrackerFileError(
        `"${name}" is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again.`,
      );
    throw new TrackerFileError(
      `"${name}" is an old-style Excel 97-2003 (.xls) workbook: open it in Excel and save it as an Excel Workbook (.xlsx).`,
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE))
    throw new TrackerFileError(
      `"${name}" is not an Excel workbook (.xlsx): choose the tracker file saved from Excel as an Excel Workbook.`,
    );
  const { default: JSZip } = await import("jszip");
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new TrackerFileError(
      `"${name}" is damaged or incomplete (it may have been cut short while copying): save or download it again.`,
    );
  }
  if (zip.file("xl/workbook.bin"))
    throw new TrackerFileError(
      `"${name}" is an Excel Binary Workbook (.xlsb): open it in Excel and save it as an Excel Workbook (.xlsx).`,
    );
  if (!zip.file("xl/workbook.xml"))
    throw new TrackerFileError(
      `"${name}" is not an Excel workbook (it may be a Word or PowerPoint file): choose the tracker saved as .xlsx.`,
    );
}

type CellValue = ExcelJS.CellValue;

function richTextToString(rich: ExcelJS.RichText[]): string {
  return rich.map((r) => r.text).join("");
}

/** One ExcelJS value as Office.js `range.values` gives it. */
export function toRawCell(value: CellValue, date1904: boolean): RawCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, date1904);
  if (typeof value === "object") {
    if ("error" in value) return value.error;
    if ("richText" in value) return richTextToString(value.richText);
    if ("formula" in value || "sharedFormula" in value) {
      // A formula shows its cached result; a file saved without results (rare: generated files) shows empty.
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null) return "";
      return toRawCell(result as CellValue, date1904);
    }
    if ("hyperlink" in value) {
      const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && "richText" in text)
        return richTextToString((text as ExcelJS.CellRichTextValue).richText);
      return "";
    }
  }
  return "";
}

/** The A1 column letters of a 1-based column. */
export function columnLetters(col: number): string {
  // ExcelJS counts columns from 1, the core from 0.
  return zeroBasedColumnLetters(col - 1);
}

interface Bounds {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells ExcelJS loaded from the file, without creating new ones (the public iterators fill gaps with blanks). */
function loadedCells(row: ExcelJS.Row): ExcelJS.Cell[] {
  const cells = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells;
  if (Array.isArray(cells)) return cells.filter((c): c is ExcelJS.Cell => c !== undefined && c !== null);
  const found: ExcelJS.Cell[] = [];
  row.eachCell({ includeEmpty: false }, (c) => found.push(c));
  return found;
}

function isMergedSlave(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge && cell.master !== cell;
}

function hasValue(cell: ExcelJS.Cell): boolean {
  if (isMergedSlave(cell)) return false;
  const v = cell.value;
  return v !== null && v !== undefined && v !== "";
}

function usedBounds(ws: ExcelJS.Worksheet, mode: "formatted" | "valuesOnly"): Bounds | null {
  let b: Bounds | null = null;
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    for (const cell of loadedCells(row)) {
      if (mode === "valuesOnly" && !hasValue(cell)) continue;
      const c = Number(cell.col);
      if (!b) b = { top: r, left: c, bottom: r, right: c };
      else {
        b.top = Math.min(b.top, r);
        b.bottom = Math.max(b.bottom, r);
        b.left = Math.min(b.left, c);
        b.right = Math.max(b.right, c);
      }
    }
  });
  return b;
}

function readSheet(ws: ExcelJS.Worksheet, date1904: boolean, mode: "formatted" | "valuesOnly"): RawSheet {
  const visibility = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
  const bounds = usedBounds(ws, mode);
  if (!bounds) {
    // A sheet with no values has no used range: the Office.js gateway gives it no rows, at A1.
    return { name: ws.name, values: [], numberFormats: [], originRow: 0, originCol: 0, visibility };
  }
  const { top, left, bottom, right } = bounds;
  const width = right - left + 1;
  const values: RawCell[][] = [];
  const numberFormats: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const rowValues: RawCell[] = new Array<RawCell>(width).fill("");
    const rowFormats: string[] = new Array<string>(width).fill("General");
    const row = ws.findRow(r);
    if (row) {
      for (const cell of loadedCells(row)) {
        const c = Number(cell.col);
        if (c < left || c > right) continue;
        // Office.js gives "" for every cell of a merged area but its top-left one.
        rowValues[c - left] = isMergedSlave(cell) ? "" : toRawCell(cell.value, date1904);
        const fmt = cell.numFmt;
        if (typeof fmt === "string" && fmt !== "") rowFormats[c - left] = fmt;
      }
    }
    values.push(rowValues);
    numberFormats.push(rowFormats);
  }
  return { name: ws.name, values, numberFormats, originRow: top - 1, originCol: left - 1, visibility };
}

function readTables(ws: ExcelJS.Worksheet): RawTable[] {
  const tables = (
    ws as unknown as {
      tables?: Record<string, { table?: { name?: string; tableRef?: string; ref?: string } }>;
    }
  ).tables;
  if (!tables) return [];
  return Object.entries(tables).map(([key, t]) => ({
    name: t.table?.name ?? key,
    sheet: ws.name,
    range: t.table?.tableRef ?? t.table?.ref ?? "",
  }));
}

/** Reads .xlsx bytes into a raw workbook. Throws TrackerFileError when the bytes are not a readable .xlsx. */
export async function readXlsxBuffer(
  data: ArrayBuffer | Uint8Array,
  name: string,
  options: ReadOptions = {},
): Promise<RawWorkbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  await checkPackage(bytes, name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch {
    throw new TrackerFileError(
      `"${name}" could not be opened as a workbook (part of the file is damaged): open it in Excel, save it again and retry.`,
    );
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);
  const mode = options.usedRange ?? "valuesOnly";
  const sheets = wb.worksheets.map((ws) => readSheet(ws, date1904, mode));
  const tables = wb.worksheets.flatMap(readTables);
  return { name, sheets, tables };
}

/** Reads an .xlsx file (read-only: the file is never opened for writing). */
export async function readXlsxFile(path: string, options: ReadOptions = {}): Promise<RawWorkbook> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new TrackerFileError(`"${path}" is a folder, not a file: give the path of the tracker .xlsx.`);
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
