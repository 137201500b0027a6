// The reading corpus: the sample tracker written the many valid ways programs write .xlsx (1904 dates, ISO date
// cells, formulas without results, cells without references, prefixed namespaces, absolute targets, Strict OOXML,
// a LibreOffice round trip...), and files that are not .xlsx at all. Each case says what a user must get through
// the CLI: the sample's figures exactly, named issues, or a refusal naming the real format.
//
//   npx tsx scripts/make-reading-corpus.ts            rewrites tests/hardening/corpus/ (LibreOffice ones too)
//
// Small files are committed there; the big ones (formatted to the last row and column, zip bombs) are built by
// the tests at run time from the functions below.
import JSZip from "jszip";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateRawSync, constants as zlibConstants, crc32 } from "node:zlib";
import { SAVED_MAPPING_KEY } from "../src/core/engine-api";
import { findSoffice } from "../src/xlsx/libreoffice";
import { isDateFormatId, BUILT_IN_FORMATS } from "../src/xlsx/number-formats";
import { ADDIN_ID } from "../src/xlsx/webextensions";
import { compoundFile } from "./make-bad-trackers";

const ROOT = join(__dirname, "..");
export const SAMPLE_PATH = join(ROOT, "assets", "sample-tracker.xlsx");
export const CORPUS_DIR = join(ROOT, "tests", "hardening", "corpus");
const LAYOUTS = join(ROOT, "tests", "fixtures", "layouts");

/** An issue a case must produce (by code, sheet and cell). */
export interface ExpectedIssue {
  code: string;
  sheet: string;
  cell: string;
  severity?: "error" | "warning" | "info";
}

export type Expectation =
  /**
   * Exactly the sample's summary (with `renamed` sheets named as in this file); `issues` replaces the sample's issue list where the encoding changes it. With
   * `mapping`, the reference is that layout fixture read with its mapping file (tests/fixtures/layouts).
   */
  | { kind: "sample"; issues?: ExpectedIssue[]; mapping?: string; renamed?: Record<string, string> }
  /** Exit 1, with these errors among the issues. */
  | { kind: "errors"; issues: ExpectedIssue[] }
  /** Exit 2, one sentence matching `message`. */
  | { kind: "refused"; message: RegExp };

export interface ReadingCase {
  id: string;
  /** File name in the corpus folder (its extension is part of the case). */
  file: string;
  story: string;
  expect: Expectation;
  /** Extra arguments for the CLI (a --mapping file in the corpus folder, named relative to it). */
  args?: string[];
  /** How the file is made; "libreoffice" cases need soffice and are only rebuilt by this script. */
  build: () => Promise<Uint8Array>;
  /** Built at test time, not committed (too big, or quick to make). */
  large?: boolean;
}

// ---------------------------------------------------------------- the sample's parts

type Parts = Map<string, string>;

let samplePartsCache: Parts | null = null;

async function partsOf(bytes: Uint8Array): Promise<Parts> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Parts = new Map();
  for (const name of Object.keys(zip.files).sort()) {
    const f = zip.files[name];
    if (!f.dir) parts.set(name, await f.async("string"));
  }
  return parts;
}

async function sampleParts(): Promise<Parts> {
  samplePartsCache ??= await partsOf(readFileSync(SAMPLE_PATH));
  return new Map(samplePartsCache);
}

/**
 * Zips parts deterministically ([Content_Types].xml first, no dates), so rebuilding changes no byte. Node's zlib
 * does the deflating: a sheet of a million rows zips in a second or two.
 */
async function zipOf(parts: Parts, level = 9): Promise<Uint8Array> {
  const names = [...parts.keys()].sort((a, b) =>
    a === "[Content_Types].xml" ? -1 : b === "[Content_Types].xml" ? 1 : a < b ? -1 : 1,
  );
  return Promise.resolve(
    rawZip(
      names.map((name) => {
        const data = Buffer.from(parts.get(name)!, "utf8");
        return {
          name,
          data: deflateRawSync(data, { level }),
          method: 8,
          crc: crc32(data),
          size: data.length,
        };
      }),
    ),
  );
}

const sheetNames = (p: Parts) => [...p.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));

function mapSheets(p: Parts, f: (xml: string, part: string) => string): Parts {
  for (const n of sheetNames(p)) p.set(n, f(p.get(n)!, n));
  return p;
}

/** The part of the sheet shown on tab `name`. */
function sheetPart(p: Parts, name: string): string {
  const wb = p.get("xl/workbook.xml")!;
  const rid = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(wb)![1];
  const rels = p.get("xl/_rels/workbook.xml.rels")!;
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
  return `xl/${target}`;
}

/** Style indexes (cellXfs) whose number format shows a date. */
function dateStyles(p: Parts): Set<number> {
  const styles = p.get("xl/styles.xml")!;
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g))
    custom.set(Number(m[1]), m[2]);
  const xfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)![1];
  const out = new Set<number>();
  [...xfs.matchAll(/<xf numFmtId="(\d+)"/g)].forEach((m, i) => {
    const id = Number(m[1]);
    if (isDateFormatId(id, custom.get(id) ?? BUILT_IN_FORMATS[id] ?? "General")) out.add(i);
  });
  return out;
}

const NUMBER_CELL = /<c r="([A-Z]+)(\d+)" s="(\d+)"><v>([^<]+)<\/v><\/c>/g;

function mapDateCells(p: Parts, f: (serial: number, ref: string, style: string) => string): Parts {
  const dates = dateStyles(p);
  return mapSheets(p, (xml) =>
    xml.replace(NUMBER_CELL, (whole, col: string, row: string, s: string, v: string) =>
      dates.has(Number(s)) ? f(Number(v), `${col}${row}`, s) : whole,
    ),
  );
}

function serialToIso(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86_400_000));
  const iso = d.toISOString().replace(/\.000Z$/, "");
  return iso.endsWith("T00:00:00") ? iso.slice(0, 10) : iso;
}

function sharedStrings(p: Parts): string[] {
  const sst = p.get("xl/sharedStrings.xml")!;
  return [...sst.matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(""),
  );
}

/** The column letter of a header on a sheet (row `headerRow`), found through the shared strings. */
function columnOf(p: Parts, sheet: string, header: string, headerRow: number): string {
  const sst = sharedStrings(p);
  const xml = p.get(sheetPart(p, sheet))!;
  for (const m of xml.matchAll(
    new RegExp(`<c r="([A-Z]+)${headerRow}" s="\\d+" t="s"><v>(\\d+)</v></c>`, "g"),
  ))
    if (sst[Number(m[2])] === header) return m[1];
  throw new Error(`no "${header}" header on ${sheet}`);
}

/** Rows of a column holding a value: [row number, cell XML]. */
function filledCells(xml: string, col: string): { row: number; xml: string; style: string; value: string }[] {
  return [...xml.matchAll(new RegExp(`<c r="${col}(\\d+)" s="(\\d+)"><v>([^<]*)</v></c>`, "g"))].map((m) => ({
    row: Number(m[1]),
    xml: m[0],
    style: m[2],
    value: m[3],
  }));
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const STRICT_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";

const SPREADSHEETML_PARTS = (p: Parts) =>
  [...p.keys()].filter((n) =>
    /^xl\/(workbook|styles|sharedStrings|worksheets\/sheet\d+|tables\/table\d+)\.xml$/.test(n),
  );

/** Every element of the SpreadsheetML namespace written with the prefix x: (as the Open XML SDK writes it). */
function prefixNamespace(xml: string): string {
  return xml
    .replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`)
    .replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, (_m, slash: string, name: string) => `<${slash}x:${name}`);
}

/** Cells and rows without r= (their place follows from the one before), empty cells filling the gaps. */
function dropReferences(xml: string): string {
  let lastRow = 0;
  return xml.replace(
    /<row r="(\d+)"([^>]*?)(\/>|>(.*?)<\/row>)/gs,
    (_m, r: string, attrs: string, end: string, body?: string) => {
      const row = Number(r);
      // Missing rows come back as empty <row/> elements, so every row's place follows from the one before.
      const fillers = "<row/>".repeat(Math.max(0, row - lastRow - 1));
      lastRow = row;
      if (end === "/>") return `${fillers}<row${attrs}/>`;
      let lastCol = 0;
      const cells = (body ?? "").replace(/<c r="([A-Z]+)\d+"/g, (_c, letters: string) => {
        const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        const gap = "<c/>".repeat(Math.max(0, col - lastCol - 1));
        lastCol = col;
        return `${gap}<c`;
      });
      return `${fillers}<row${attrs}>${cells}</row>`;
    },
  );
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The web-extension parts Office writes for an add-in's saved settings ([MS-OWEXML]). */
function withWebExtension(p: Parts, settings: Record<string, unknown>, referenceId = ADDIN_ID): Parts {
  const props = Object.entries(settings)
    .map(([k, v]) => `<we:property name="${escapeXml(k)}" value="${escapeXml(JSON.stringify(v))}"/>`)
    .join("");
  p.set(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{8D3A2C6E-1F0B-4B7A-9E2D-5C4F3A2B1D0E}"><we:reference id="${referenceId}" version="1.0.0.0" store="\\\\fileserver\\addins" storeType="Filesystem"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="${REL_NS}"/></we:webextension>`,
  );
  p.set(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="${REL_NS}" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  p.set(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
  );
  p.set(
    "_rels/.rels",
    p
      .get("_rels/.rels")!
      .replace(
        "</Relationships>",
        `<Relationship Id="rIdWe1" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>`,
      ),
  );
  p.set(
    "[Content_Types].xml",
    p
      .get("[Content_Types].xml")!
      .replace(
        "</Types>",
        `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>`,
      ),
  );
  return p;
}

// ---------------------------------------------------------------- LibreOffice

/** Converts a file with LibreOffice Calc (headless) and returns the result's bytes. */
function convertWithLibreOffice(
  input: Uint8Array,
  inputName: string,
  filter: string,
  outExt: string,
): Uint8Array {
  const soffice = findSoffice();
  if (!soffice)
    throw new Error("LibreOffice (soffice) is needed to build this case: apt-get install libreoffice-calc");
  const work = mkdtempSync(join(tmpdir(), "ps-corpus-lo-"));
  try {
    const inPath = join(work, inputName);
    writeFileSync(inPath, input);
    const outDir = join(work, "out");
    mkdirSync(outDir);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${work}/profile`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        inPath,
      ],
      { stdio: "ignore", timeout: 120_000 },
    );
    return readFileSync(join(outDir, inputName.replace(/\.[^.]+$/, `.${outExt}`)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const libreOffice = (filter: string, ext: string) => async () =>
  convertWithLibreOffice(readFileSync(SAMPLE_PATH), "sample-tracker.xlsx", filter, ext);

// ---------------------------------------------------------------- big files, built in memory

/** Rows formatted down to Excel's last row (1,048,576) on every sheet, as whole-row formatting writes them. */
export async function formattedToLastRow(): Promise<Uint8Array> {
  const p = mapSheets(await sampleParts(), (xml) => {
    const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    const rows: string[] = [];
    for (let r = last + 1; r <= 1_048_576; r++) rows.push(`<row r="${r}" s="4" customFormat="1"/>`);
    return xml.replace("</sheetData>", `${rows.join("")}</sheetData>`);
  });
  return zipOf(p, 1);
}

/** Every row's cells formatted out to column XFD (16,384), and the columns styled to XFD. */
export async function formattedToLastColumn(): Promise<Uint8Array> {
  const letters = (n: number) => {
    let s = "";
    for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
    return s;
  };
  const names = Array.from({ length: 16_384 }, (_, i) => letters(i + 1));
  const p = mapSheets(await sampleParts(), (xml) => {
    const withCols = xml.includes("<cols>")
      ? xml.replace("</cols>", `<col min="60" max="16384" width="9" style="4" customWidth="1"/></cols>`)
      : xml;
    return withCols.replace(
      /<row r="(\d+)"([^>]*)>(.*?)<\/row>/gs,
      (_m, r: string, attrs: string, body: string) => {
        const lastCol = [...body.matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => names.indexOf(m[1]) + 1);
        const from = Math.max(0, ...lastCol) + 1;
        const extra: string[] = [];
        for (let c = from; c <= 16_384; c++) extra.push(`<c r="${names[c - 1]}${r}" s="4"/>`);
        return `<row r="${r}"${attrs.replace(/ spans="[^"]*"/, "")}>${body}${extra.join("")}</row>`;
      },
    );
  });
  return zipOf(p);
}

/**
 * A zip bomb: the sample whose first sheet unpacks to `gigabytes` GB of whitespace inside its XML. Built from
 * one deflated block repeated (a full flush makes blocks independent), so making it costs no gigabyte of work;
 * with `lie`, the zip's directory declares the sheet's real size as 4 KB.
 */
export async function zipBomb(gigabytes = 1, lie = false): Promise<Uint8Array> {
  const p = await sampleParts();
  const sheet = sheetPart(p, "Settings");
  const xml = p.get(sheet)!;
  const split = xml.indexOf("<sheetData>");
  const head = Buffer.from(xml.slice(0, split));
  const tail = Buffer.from(xml.slice(split));
  const block = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const repeats = Math.round((gigabytes * 1024) / 16);
  const flush = { finishFlush: zlibConstants.Z_FULL_FLUSH };
  const headZ = deflateRawSync(head, flush);
  const blockZ = deflateRawSync(block, flush);
  const tailZ = deflateRawSync(tail);
  const compressed = Buffer.concat([headZ, ...Array<Buffer>(repeats).fill(blockZ), tailZ]);
  const size = head.length + block.length * repeats + tail.length;
  let crc = crc32(head);
  for (let i = 0; i < repeats; i++) crc = crc32(block, crc);
  crc = crc32(tail, crc);
  // The other parts zipped as usual, then the bomb with its own directory record.
  p.delete(sheet);
  const entries = [...p.entries()].map(([name, text]) => {
    const data = Buffer.from(text, "utf8");
    return { name, data: deflateRawSync(data), method: 8, crc: crc32(data), size: data.length };
  });
  entries.push({ name: sheet, data: compressed, method: 8, crc, size: lie ? 4096 : size });
  return rawZip(entries);
}

/** A zip written by hand: local headers, data, central directory, end record (no zip64: sizes under 4 GB). */
function rawZip(
  entries: { name: string; data: Buffer; method: number; crc: number; size: number }[],
): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, e.data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x800, 8);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, dir, end]));
}

// ---------------------------------------------------------------- the cases

const rewrite = (f: (p: Parts) => Parts | Promise<Parts>) => async () => zipOf(await f(await sampleParts()));

/** The sample's issues, as the sample gives them (the Sep-24 rounding slip, the HNB note). */
export const SAMPLE_FIGURES: Expectation = { kind: "sample" };

export const READING_CASES: ReadingCase[] = [
  {
    id: "date-1904",
    file: "date-1904.xlsx",
    story: "saved by a Mac workbook in the 1904 date system: every date serial is 1,462 lower",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      p.set(
        "xl/workbook.xml",
        p.get("xl/workbook.xml")!.replace("<workbookPr ", '<workbookPr date1904="1" '),
      );
      return mapDateCells(p, (serial, ref, s) => `<c r="${ref}" s="${s}"><v>${serial - 1462}</v></c>`);
    }),
  },
  {
    id: "iso-date-cells",
    file: "iso-date-cells.xlsx",
    story: 'dates stored as ISO 8601 text cells (t="d"), as some libraries and Strict writers do',
    expect: SAMPLE_FIGURES,
    build: rewrite((p) =>
      mapDateCells(p, (serial, ref, s) => `<c r="${ref}" s="${s}" t="d"><v>${serialToIso(serial)}</v></c>`),
    ),
  },
  {
    id: "shares-as-formulas-without-results",
    file: "shares-as-formulas-without-results.xlsx",
    story:
      "the two typed % columns written as formulas by a program that does not calculate (no saved results): the summary works them out from the counts",
    expect: { kind: "sample", issues: [] /* filled in below */ },
    build: rewrite((p) => {
      const part = sheetPart(p, "SEND Monthly");
      let xml = p.get(part)!;
      const ehcp = columnOf(p, "SEND Monthly", "% 0-25 with EHCP", 4);
      const inmss = columnOf(p, "SEND Monthly", "% placed in INMSS", 4);
      const funded = columnOf(p, "SEND Monthly", "Funded EHCPs", 4);
      const pop = columnOf(p, "SEND Monthly", "Population 0-25", 4);
      const placed = columnOf(p, "SEND Monthly", "Placed in INMSS", 4);
      for (const c of filledCells(xml, ehcp))
        xml = xml.replace(
          c.xml,
          `<c r="${ehcp}${c.row}" s="${c.style}"><f>${funded}${c.row}/${pop}${c.row}</f></c>`,
        );
      for (const c of filledCells(xml, inmss))
        xml = xml.replace(
          c.xml,
          `<c r="${inmss}${c.row}" s="${c.style}"><f>${placed}${c.row}/${funded}${c.row}</f></c>`,
        );
      p.set(part, xml);
      return p;
    }),
  },
  {
    id: "needed-figure-formula-without-result",
    file: "needed-figure-formula-without-result.xlsx",
    story:
      "the latest month's funded EHCPs is a formula with no saved result: the figure is unknown, so the summary stops with the cell named",
    expect: {
      kind: "errors",
      issues: [{ code: "formula_without_result", sheet: "SEND Monthly", cell: "B37", severity: "error" }],
    },
    build: rewrite((p) => {
      const part = sheetPart(p, "SEND Monthly");
      const xml = p.get(part)!;
      const last = filledCells(xml, "B").pop()!;
      p.set(
        part,
        xml.replace(
          last.xml,
          `<c r="B${last.row}" s="${last.style}"><f>B${last.row - 1}+C${last.row}-C${last.row - 1}</f></c>`,
        ),
      );
      return p;
    }),
  },
  {
    id: "shared-formulas",
    file: "shared-formulas.xlsx",
    story:
      "the typed % columns as shared formulas with their saved results, as Excel writes a filled-down formula",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      const part = sheetPart(p, "SEND Monthly");
      let xml = p.get(part)!;
      const inmss = columnOf(p, "SEND Monthly", "% placed in INMSS", 4);
      const cells = filledCells(xml, inmss);
      cells.forEach((c, i) => {
        const f =
          i === 0
            ? `<f t="shared" ref="${inmss}${c.row}:${inmss}${cells[cells.length - 1].row}" si="0">F${c.row}/B${c.row}</f>`
            : `<f t="shared" si="0"/>`;
        xml = xml.replace(c.xml, `<c r="${inmss}${c.row}" s="${c.style}">${f}<v>${c.value}</v></c>`);
      });
      p.set(part, xml);
      return p;
    }),
  },
  {
    id: "array-formula",
    file: "array-formula.xlsx",
    story: "funded EHCPs as one array formula over the column, with its saved results",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      const part = sheetPart(p, "SEND Monthly");
      let xml = p.get(part)!;
      const cells = filledCells(xml, "B");
      const [first, last] = [cells[0], cells[cells.length - 1]];
      xml = xml.replace(
        first.xml,
        `<c r="B${first.row}" s="${first.style}"><f t="array" ref="B${first.row}:B${last.row}">C${first.row}:C${last.row}+0</f><v>${first.value}</v></c>`,
      );
      p.set(part, xml);
      return p;
    }),
  },
  {
    id: "cells-without-references",
    file: "cells-without-references.xlsx",
    story:
      "cells and rows without r= attributes (valid: each follows the one before), as some exporters write",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => mapSheets(p, dropReferences)),
  },
  {
    id: "prefixed-namespace",
    file: "prefixed-namespace.xlsx",
    story: "the SpreadsheetML namespace with a prefix (<x:worksheet>), as the .NET Open XML SDK writes it",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      for (const n of SPREADSHEETML_PARTS(p)) p.set(n, prefixNamespace(p.get(n)!));
      return p;
    }),
  },
  {
    id: "absolute-targets",
    file: "absolute-targets.xlsx",
    story:
      "relationship targets written as absolute part names (/xl/worksheets/sheet1.xml), as SharePoint and some libraries do",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      p.set("_rels/.rels", p.get("_rels/.rels")!.replace(/Target="(?!\/)([^"]+)"/g, 'Target="/$1"'));
      p.set(
        "xl/_rels/workbook.xml.rels",
        p.get("xl/_rels/workbook.xml.rels")!.replace(/Target="(?!\/)([^"]+)"/g, 'Target="/xl/$1"'),
      );
      for (const n of [...p.keys()].filter((k) => k.startsWith("xl/worksheets/_rels/")))
        p.set(n, p.get(n)!.replace(/Target="\.\.\/([^"]+)"/g, 'Target="/xl/$1"'));
      return p;
    }),
  },
  {
    id: "kpis-sheet-with-apostrophe",
    file: "kpis-sheet-with-apostrophe.xlsx",
    story: `the KPIs sheet named "KPI's": punctuation in sheet names is ignored`,
    expect: { kind: "sample", renamed: { KPIs: "KPI's" } },
    build: rewrite((p) => {
      p.set("xl/workbook.xml", p.get("xl/workbook.xml")!.replace('name="KPIs"', 'name="KPI&apos;s"'));
      return p;
    }),
  },
  {
    id: "inline-strings",
    file: "inline-strings.xlsx",
    story:
      'every text as an inline string (t="inlineStr"), with no shared-strings part, as streaming writers do',
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      const sst = [...p.get("xl/sharedStrings.xml")!.matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]);
      mapSheets(p, (xml) =>
        xml.replace(
          /<c r="([A-Z]+\d+)" s="(\d+)" t="s"><v>(\d+)<\/v><\/c>/g,
          (_m, r: string, s: string, i: string) =>
            `<c r="${r}" s="${s}" t="inlineStr"><is>${sst[Number(i)]}</is></c>`,
        ),
      );
      p.delete("xl/sharedStrings.xml");
      p.set(
        "xl/_rels/workbook.xml.rels",
        p.get("xl/_rels/workbook.xml.rels")!.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""),
      );
      p.set(
        "[Content_Types].xml",
        p.get("[Content_Types].xml")!.replace(/<Override PartName="\/xl\/sharedStrings\.xml"[^>]*\/>/, ""),
      );
      return p;
    }),
  },
  {
    id: "rich-text-and-phonetic",
    file: "rich-text-and-phonetic.xlsx",
    story:
      "every shared string split into formatted runs, with phonetic guides (rPh) that Excel does not show",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      p.set(
        "xl/sharedStrings.xml",
        p
          .get("xl/sharedStrings.xml")!
          .replace(/<si><t([^>]*)>(.*?)<\/t><\/si>/gs, (whole, _a: string, text: string) => {
            if (text.length < 4 || text.includes("&")) return whole;
            const half = Math.floor(text.length / 2);
            return `<si><r><t xml:space="preserve">${text.slice(0, half)}</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">${text.slice(half)}</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></si>`;
          }),
      );
      return p;
    }),
  },
  {
    id: "rows-out-of-order",
    file: "rows-out-of-order.xlsx",
    story: "rows written bottom to top (valid; each row says where it is), as some exporters do",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) =>
      mapSheets(p, (xml) =>
        xml.replace(/<sheetData>(.*)<\/sheetData>/s, (_m, body: string) => {
          const rows = body.match(/<row [^>]*(?:\/>|>.*?<\/row>)/gs) ?? [];
          return `<sheetData>${rows.reverse().join("")}</sheetData>`;
        }),
      ),
    ),
  },
  {
    id: "wrong-dimension",
    file: "wrong-dimension.xlsx",
    story: "every sheet's <dimension> says A1:B2 whatever it holds (Excel does not trust it either)",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) =>
      mapSheets(p, (xml) => xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:B2"/>')),
    ),
  },
  {
    id: "strict-ooxml",
    file: "strict-ooxml.xlsx",
    story: "saved as Strict Open XML Spreadsheet (ISO/IEC 29500 Strict namespaces and relationship types)",
    expect: SAMPLE_FIGURES,
    build: rewrite((p) => {
      for (const [n, text] of p)
        p.set(
          n,
          text
            .replaceAll(MAIN_NS, STRICT_NS)
            .replaceAll(`${REL_NS}/`, `${STRICT_REL_NS}/`)
            .replaceAll(REL_NS, STRICT_REL_NS),
        );
      p.set(
        "xl/workbook.xml",
        p.get("xl/workbook.xml")!.replace("<workbook ", '<workbook conformance="strict" '),
      );
      return p;
    }),
  },
  {
    id: "libreoffice-round-trip",
    file: "libreoffice-round-trip.xlsx",
    story: "opened and saved again as .xlsx by LibreOffice Calc (headless), as a council without Excel would",
    expect: SAMPLE_FIGURES,
    build: libreOffice("xlsx:Calc MS Excel 2007 XML", "xlsx"),
  },
  {
    id: "saved-mapping",
    file: "months-across-with-saved-mapping.xlsx",
    story:
      "a months-across tracker whose column mapping the add-in saved in the workbook: the CLI reads it from there",
    expect: { kind: "sample", mapping: "months-across" },
    build: async () => {
      const p = await partsOf(readFileSync(join(LAYOUTS, "months-across.xlsx")));
      const mapping = JSON.parse(
        readFileSync(join(LAYOUTS, "months-across.mapping.json"), "utf8"),
      ) as unknown;
      return zipOf(withWebExtension(p, { [SAVED_MAPPING_KEY]: mapping }));
    },
  },
  {
    id: "saved-mapping-overridden",
    file: "months-across-with-stale-mapping.xlsx",
    story: "a saved mapping pointing at a sheet since renamed, with --mapping given: the file's mapping wins",
    args: ["months-across.mapping.json"],
    expect: { kind: "sample", mapping: "months-across" },
    build: async () => {
      const p = await partsOf(readFileSync(join(LAYOUTS, "months-across.xlsx")));
      const mapping = JSON.parse(readFileSync(join(LAYOUTS, "months-across.mapping.json"), "utf8")) as {
        sections: { monthly: { source: { sheet: string } } };
      };
      mapping.sections.monthly.source.sheet = "Monthly Data (old)";
      return zipOf(withWebExtension(p, { [SAVED_MAPPING_KEY]: mapping }));
    },
  },
  {
    id: "ods",
    file: "sample-tracker.ods",
    story: "saved by LibreOffice in its own format (.ods)",
    expect: {
      kind: "refused",
      message: /is an OpenDocument spreadsheet \(\.ods.*save it as an Excel Workbook \(\.xlsx\)/,
    },
    build: libreOffice("ods", "ods"),
  },
  {
    id: "xls",
    file: "sample-tracker.xls",
    story: "saved as Excel 97-2003 (.xls) by LibreOffice",
    expect: {
      kind: "refused",
      message: /is an old-style Excel 97-2003 \(\.xls\) workbook: open it in Excel and save it as/,
    },
    build: libreOffice("xls:MS Excel 97", "xls"),
  },
  {
    id: "csv",
    file: "sample-tracker.csv",
    story: "the Settings sheet exported as CSV by LibreOffice",
    expect: {
      kind: "refused",
      message: /is not an Excel workbook \(\.xlsx\) but comma-separated text \(CSV\)/,
    },
    build: libreOffice("csv:Text - txt - csv (StarCalc):44,34,76,1", "csv"),
  },
  {
    id: "xlsb",
    file: "sample-tracker.xlsb",
    story: "an Excel Binary Workbook: its main part is xl/workbook.bin",
    expect: {
      kind: "refused",
      message: /is an Excel Binary Workbook \(\.xlsb\): open it in Excel and save it as/,
    },
    build: rewrite((p) => {
      const out: Parts = new Map();
      out.set(
        "[Content_Types].xml",
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>`,
      );
      out.set("_rels/.rels", p.get("_rels/.rels")!.replace("xl/workbook.xml", "xl/workbook.bin"));
      out.set("xl/workbook.bin", "\u0083\u0001\u0000\u0080\u0001\u0000");
      return out;
    }),
  },
  {
    id: "password-protected",
    file: "password-protected.xlsx",
    story: "a workbook with a password to open: an OLE file holding EncryptionInfo and EncryptedPackage",
    expect: { kind: "refused", message: /is password-protected: open it in Excel, remove the password/ },
    build: async () => compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]),
  },
  {
    id: "stray-cell-far-away",
    file: "stray-cell-far-away.xlsx",
    story: "a stray value typed in XFD1048576 of the Settings sheet: a used range of 17 billion cells",
    expect: {
      kind: "refused",
      message:
        /is refused: sheet "Settings" has values from A1 to XFD1048576, which with the other sheets makes more than 20,000,000 cells/,
    },
    build: rewrite((p) => {
      const part = sheetPart(p, "Settings");
      p.set(
        part,
        p
          .get(part)!
          .replace(
            "</sheetData>",
            '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
          ),
      );
      return p;
    }),
  },
  {
    id: "too-many-cells",
    file: "too-many-cells.xlsx",
    story:
      "an archive of 2,000,000 figures pasted under the milestones: more filled cells than the reader takes",
    expect: {
      kind: "refused",
      message: /is refused: it holds more than 2,000,000 filled cells .*counting up to sheet "Milestones"/,
    },
    large: true,
    build: async () => {
      const p = await sampleParts();
      const part = sheetPart(p, "Milestones");
      const rows: string[] = [];
      const cells = "<c><v>1</v></c>".repeat(20);
      for (let r = 1000; r < 1000 + 100_000; r++) rows.push(`<row r="${r}">${cells}</row>`);
      p.set(part, p.get(part)!.replace("</sheetData>", `${rows.join("")}</sheetData>`));
      return zipOf(p, 1);
    },
  },
  {
    id: "formatted-to-last-row",
    file: "formatted-to-last-row.xlsx",
    story: "every sheet formatted down to row 1,048,576 (whole-row formatting)",
    expect: SAMPLE_FIGURES,
    large: true,
    build: formattedToLastRow,
  },
  {
    id: "formatted-to-last-column",
    file: "formatted-to-last-column.xlsx",
    story: "every row's cells styled out to column XFD, and the columns too",
    expect: SAMPLE_FIGURES,
    large: true,
    build: formattedToLastColumn,
  },
  {
    id: "zip-bomb",
    file: "zip-bomb.xlsx",
    story: "a sheet that unpacks to 1 GB (declared honestly in the zip)",
    expect: { kind: "refused", message: /is refused: sheet "Settings" unpacks to more than 512 MB/ },
    large: true,
    build: () => zipBomb(1, false),
  },
  {
    id: "zip-bomb-lying",
    file: "zip-bomb-lying.xlsx",
    story: "a sheet that unpacks to 1 GB while the zip declares 4 KB",
    expect: { kind: "refused", message: /is refused: sheet "Settings" unpacks to more than 512 MB/ },
    large: true,
    build: () => zipBomb(1, true),
  },
];

// The typed shares' cells, once known, are the notes the formula case must give (and the rounding slip goes).
async function fillFormulaNotes(): Promise<void> {
  const c = READING_CASES.find((x) => x.id === "shares-as-formulas-without-results")!;
  const p = await sampleParts();
  const xml = p.get(sheetPart(p, "SEND Monthly"))!;
  const cols = [
    columnOf(p, "SEND Monthly", "% 0-25 with EHCP", 4),
    columnOf(p, "SEND Monthly", "% placed in INMSS", 4),
  ];
  const issues: ExpectedIssue[] = [];
  for (const col of cols)
    for (const cell of filledCells(xml, col))
      issues.push({
        code: "formula_without_result",
        sheet: "SEND Monthly",
        cell: `${col}${cell.row}`,
        severity: "info",
      });
  c.expect = { kind: "sample", issues };
}

/** The cases with their expectations complete (one needs the sample to know its cells). */
export async function readingCases(): Promise<ReadingCase[]> {
  await fillFormulaNotes();
  return READING_CASES;
}

/** Writes every committed case (not the large ones) into `dir`, with the mapping file one case passes. */
export async function writeReadingCorpus(dir = CORPUS_DIR): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const c of await readingCases()) {
    if (c.large) continue;
    writeFileSync(join(dir, c.file), await c.build());
    written.push(c.file);
  }
  copyFileSync(join(LAYOUTS, "months-across.mapping.json"), join(dir, "months-across.mapping.json"));
  return written;
}

if (require.main === module) {
  writeReadingCorpus().then(
    (files) => console.log(`Wrote ${files.length} files to ${CORPUS_DIR}`),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
