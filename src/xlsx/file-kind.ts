// What a file that is not a readable .xlsx really is, so the refusal can name it and say what to do:
// OpenDocument, Excel 97-2003, .xlsb, CSV, a password-protected workbook, a Word or PowerPoint file, a web page.
import type { ZipArchive } from "./zip";

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

const SAVE_AS_XLSX = "open it in Excel and save it as an Excel Workbook (.xlsx)";

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_SIGNATURE);
}

/** The sentence for a file that is not a zip at all, or null when it is one. */
export function notZipMessage(bytes: Uint8Array, name: string): string | null {
  const q = `"${name}"`;
  if (bytes.length === 0) return `${q} is empty (0 bytes): save the tracker again from Excel.`;
  if (startsWith(bytes, OLE_SIGNATURE)) return oleMessage(bytes, q);
  if (isZip(bytes)) return null;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8192)).toString("utf8");
  if (head.startsWith("%PDF"))
    return `${q} is a PDF document, not an Excel workbook (.xlsx): choose the tracker saved from Excel as an Excel Workbook.`;
  const lower = head
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (lower.startsWith("<") && lower.includes("urn:schemas-microsoft-com:office:spreadsheet"))
    return `${q} is an Excel 2003 XML Spreadsheet, not an Excel workbook (.xlsx): ${SAVE_AS_XLSX}.`;
  if (lower.startsWith("<") && /<(html|table|!doctype html)/.test(lower))
    return `${q} is a web page (HTML) with a spreadsheet name, not an Excel workbook (.xlsx): ${SAVE_AS_XLSX}.`;
  if (looksLikeDelimitedText(head))
    return `${q} is not an Excel workbook (.xlsx) but comma-separated text (CSV): ${SAVE_AS_XLSX}.`;
  return `${q} is not an Excel workbook (.xlsx): choose the tracker file saved from Excel as an Excel Workbook.`;
}

/** Plain text, several lines, each split by the same delimiter: a CSV (or tab- or semicolon-separated) file. */
function looksLikeDelimitedText(head: string): boolean {
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    // Control characters other than tab, line feed and carriage return mean binary, not text.
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  // The head may end mid-line: judge by the whole lines before it.
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  const sample = lines.slice(0, Math.min(lines.length, 10));
  return [",", ";", "\t"].some((d) => sample.every((l) => l.includes(d)));
}

/** Stream names in the OLE directory are UTF-16LE. */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const needle = Buffer.from(name, "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}

function oleMessage(bytes: Uint8Array, q: string): string {
  if (hasStream(bytes, "EncryptedPackage"))
    return `${q} is password-protected: open it in Excel, remove the password (File > Info > Protect Workbook) and save it again.`;
  if (hasStream(bytes, "WordDocument"))
    return `${q} is a Word 97-2003 document, not an Excel workbook: choose the tracker saved from Excel as .xlsx.`;
  if (hasStream(bytes, "PowerPoint Document"))
    return `${q} is a PowerPoint 97-2003 presentation, not an Excel workbook: choose the tracker saved from Excel as .xlsx.`;
  return `${q} is an old-style Excel 97-2003 (.xls) workbook: ${SAVE_AS_XLSX}.`;
}

/** The sentence for a zip that holds no SpreadsheetML workbook, naming what it holds instead. */
export async function notWorkbookMessage(
  zip: ZipArchive,
  name: string,
  mainPart: string | null,
  readSmall: (part: string) => Promise<string | null>,
): Promise<string> {
  const q = `"${name}"`;
  const mimetype = zip.get("mimetype") ? ((await readSmall("mimetype")) ?? "").trim() : "";
  if (mimetype === "application/vnd.oasis.opendocument.spreadsheet")
    return `${q} is an OpenDocument spreadsheet (.ods, as LibreOffice saves by default): open it in LibreOffice Calc or Excel and save it as an Excel Workbook (.xlsx).`;
  if (mimetype.startsWith("application/vnd.oasis.opendocument."))
    return `${q} is an OpenDocument ${mimetype.includes("text") ? "text document" : mimetype.includes("presentation") ? "presentation" : "file"}, not a spreadsheet: choose the tracker saved as an Excel Workbook (.xlsx).`;
  const main = (mainPart ?? "").toLowerCase();
  if (main.endsWith(".bin") || zip.get("xl/workbook.bin"))
    return `${q} is an Excel Binary Workbook (.xlsb): ${SAVE_AS_XLSX}.`;
  if (main.startsWith("word/") || zip.get("word/document.xml"))
    return `${q} is a Word document, not an Excel workbook: choose the tracker saved from Excel as .xlsx.`;
  if (main.startsWith("ppt/") || zip.get("ppt/presentation.xml"))
    return `${q} is a PowerPoint presentation, not an Excel workbook: choose the tracker saved from Excel as .xlsx.`;
  if (zip.entries.some((e) => e.encrypted))
    return `${q} is a password-protected zip file, not an Excel workbook: unpack it and choose the tracker saved as .xlsx.`;
  return `${q} is a zip file but not an Excel workbook (it may be another program's file): choose the tracker saved from Excel as .xlsx.`;
}
