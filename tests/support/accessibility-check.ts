// An accessibility check of a written .xlsx, read from its XML: the rules of Excel's Accessibility Checker that a
// file alone lets us evaluate, and the Government Analysis Function's spreadsheet checklist items that apply to a
// generated workbook. Each rule gives its findings (where, and what); docs/accessibility.md lists them with results.
import JSZip from "jszip";
import { columnLetters, parseRangeAddress } from "../../src/core/a1";
import { contrastRatio, MIN_TEXT_CONTRAST } from "../../src/layout/contrast";

export type Severity = "error" | "warning" | "tip";

export interface RuleResult {
  id: string;
  /** "Excel Accessibility Checker" or "Analysis Function checklist". */
  source: string;
  severity: Severity;
  rule: string;
  /** How many things the rule looked at (tables, charts, cells ...). */
  checked: number;
  findings: string[];
}

interface Sheet {
  name: string;
  path: string;
  xml: string;
  rels: { id: string; type: string; target: string }[];
}

interface Table {
  sheet: string;
  name: string;
  ref: string;
  headerRowCount: number;
  columns: string[];
}

const attr = (xml: string, name: string): string | undefined =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(xml)?.[1];

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

function rels(xml: string | undefined): Sheet["rels"] {
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => ({
    id: attr(m[1], "Id") ?? "",
    type: attr(m[1], "Type") ?? "",
    target: attr(m[1], "Target") ?? "",
  }));
}

const resolve = (from: string, target: string) => {
  if (target.startsWith("/")) return target.slice(1);
  const parts = from.split("/").slice(0, -1);
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== ".") parts.push(p);
  }
  return parts.join("/");
};

/** The workbook's parts this check reads. */
async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => zip.file(path)?.async("string");
  const workbook = (await text("xl/workbook.xml")) ?? "";
  const wbRels = rels(await text("xl/_rels/workbook.xml.rels"));
  const sheets: Sheet[] = [];
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const target = wbRels.find((r) => r.id === attr(m[1], "r:id"))?.target ?? "";
    const path = resolve("xl/workbook.xml", target);
    const file = path.split("/").pop() ?? "";
    sheets.push({
      name: unescape(attr(m[1], "name") ?? ""),
      path,
      xml: (await text(path)) ?? "",
      rels: rels(await text(path.replace(file, `_rels/${file}.rels`))),
    });
  }
  const shared = [...((await text("xl/sharedStrings.xml")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => unescape([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join("")),
  );
  const tables: Table[] = [];
  const drawings: { sheet: string; xml: string }[] = [];
  for (const s of sheets) {
    for (const r of s.rels) {
      const path = resolve(s.path, r.target);
      if (r.type.endsWith("/table")) {
        const xml = (await text(path)) ?? "";
        tables.push({
          sheet: s.name,
          name: attr(xml, "name") ?? "",
          ref: attr(xml, "ref") ?? "",
          headerRowCount: Number(attr(xml.slice(0, xml.indexOf(">")), "headerRowCount") ?? 1),
          columns: [...xml.matchAll(/<tableColumn\b[^>]*\bname="([^"]*)"/g)].map((c) => unescape(c[1])),
        });
      }
      if (r.type.endsWith("/drawing")) drawings.push({ sheet: s.name, xml: (await text(path)) ?? "" });
    }
  }
  return {
    sheets,
    shared,
    tables,
    drawings,
    styles: (await text("xl/styles.xml")) ?? "",
    core: (await text("docProps/core.xml")) ?? "",
  };
}

type Book = Awaited<ReturnType<typeof open>>;

/** The text each cell of each sheet shows (shared strings resolved), by sheet name and address. */
export async function cellTexts(bytes: Uint8Array): Promise<Map<string, Map<string, string>>> {
  const book = await open(bytes);
  return new Map(book.sheets.map((s) => [s.name, new Map(cells(book, s).map((c) => [c.ref, c.text]))]));
}

/** Every cell with a value: address, text shown (shared strings resolved) and its style index. */
function cells(book: Book, sheet: Sheet): { ref: string; text: string; style: number }[] {
  return [...sheet.xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].flatMap((m) => {
    const a = m[1];
    const body = m[2] ?? "";
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    const inline = /<is>[\s\S]*?<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1];
    if (v === undefined && inline === undefined) return [];
    const text = attr(a, "t") === "s" ? (book.shared[Number(v)] ?? "") : unescape(inline ?? v ?? "");
    return [{ ref: attr(a, "r") ?? "", text, style: Number(attr(a, "s") ?? 0) }];
  });
}

const argbToHex = (argb: string | undefined, fallback: string) =>
  argb && /^[0-9A-F]{8}$/i.test(argb) ? `#${argb.slice(2).toUpperCase()}` : fallback;

/** Text and fill colour of each cell format (cellXfs), as Excel draws them: black text, no fill (white) by default. */
function xfColours(styles: string): { text: string; fill: string }[] {
  const section = (tag: string) =>
    new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(styles)?.[1] ?? "";
  const fonts = [...section("fonts").matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((m) =>
    argbToHex(/<color\b[^>]*rgb="([^"]*)"/.exec(m[1] ?? "")?.[1], "#000000"),
  );
  const fills = [...section("fills").matchAll(/<fill\b[^>]*?(?:\/>|>([\s\S]*?)<\/fill>)/g)].map((m) => {
    const body = m[1] ?? "";
    if (!/patternType="solid"/.test(body)) return "#FFFFFF";
    return argbToHex(/<fgColor\b[^>]*rgb="([^"]*)"/.exec(body)?.[1], "#FFFFFF");
  });
  return [...section("cellXfs").matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => ({
    text: fonts[Number(attr(m[1], "fontId") ?? 0)] ?? "#000000",
    fill: fills[Number(attr(m[1], "fillId") ?? 0)] ?? "#FFFFFF",
  }));
}

/** Conditional formats' differential styles (dxfs): their text and fill where set. */
function dxfColours(styles: string): { text?: string; fill?: string }[] {
  const section = /<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/.exec(styles)?.[1] ?? "";
  return [...section.matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map((m) => ({
    text: /<font>[\s\S]*?<color\b[^>]*rgb="([^"]*)"/.exec(m[1])?.[1],
    fill: /<fill>[\s\S]*?<bgColor\b[^>]*rgb="([^"]*)"/.exec(m[1])?.[1],
  }));
}

const overlaps = (a: string, b: string) => {
  const r = parseRangeAddress(a);
  const s = parseRangeAddress(b);
  if (!r || !s) return false;
  return r.left <= s.right && s.left <= r.right && r.top <= s.bottom && s.top <= r.bottom;
};

/**
 * A table a sheet draws as formatted cells rather than as an Excel table (the page's tables): a file does not say
 * where these are, so the caller gives them (`PlannedSheet.tableRegions`, matched against the file by the test).
 */
export interface TableRegion {
  sheet: string;
  name: string;
  ref: string;
}

/** Runs every rule on the workbook's bytes; merged cells are looked for in its Excel tables and in `regions`. */
export async function checkAccessibility(
  bytes: Uint8Array,
  regions: readonly TableRegion[] = [],
): Promise<RuleResult[]> {
  const book = await open(bytes);
  const results: RuleResult[] = [];
  const rule = (r: Omit<RuleResult, "findings" | "checked">, checked: number, findings: string[]) =>
    results.push({ ...r, checked, findings });
  const excel = "Excel Accessibility Checker";
  const af = "Analysis Function checklist";
  const byName = new Map(book.sheets.map((s) => [s.name, s]));
  const cellText = new Map(
    book.sheets.map((s) => [s.name, new Map(cells(book, s).map((c) => [c.ref, c.text]))] as const),
  );

  // Errors.
  const frames = book.drawings.flatMap((d) =>
    [...d.xml.matchAll(/<xdr:cNvPr\b([^>]*?)\/?>/g)].map((m) => ({
      sheet: d.sheet,
      name: unescape(attr(m[1], "name") ?? ""),
      descr: unescape(attr(m[1], "descr") ?? ""),
      title: unescape(attr(m[1], "title") ?? ""),
    })),
  );
  rule(
    { id: "alt-text", source: excel, severity: "error", rule: "All objects have alternative text" },
    frames.length,
    frames
      .filter((f) => !f.descr.trim() || /\.(png|jpe?g|gif|bmp|emf|xml)\b/i.test(f.descr))
      .map((f) => `${f.sheet}: ${f.name} has no alternative text`),
  );
  rule(
    {
      id: "alt-text-describes",
      source: af,
      severity: "error",
      rule: "Charts' alternative text says what the chart shows, not only its title",
    },
    frames.length,
    frames
      .filter(
        (f) =>
          f.descr.trim() === f.title.trim() || !/\d/.test(f.descr) || f.descr.length < f.title.length + 20,
      )
      .map((f) => `${f.sheet}: ${f.name} only names the chart: "${f.descr}"`),
  );
  rule(
    {
      id: "table-headers",
      source: excel,
      severity: "error",
      rule: "Tables specify column header information",
    },
    book.tables.length,
    book.tables.flatMap((t) => {
      if (t.headerRowCount === 0) return [`${t.sheet}: ${t.name} has no header row`];
      const r = parseRangeAddress(t.ref);
      if (!r) return [`${t.sheet}: ${t.name} has no range`];
      const texts = cellText.get(t.sheet) ?? new Map<string, string>();
      return t.columns.flatMap((name, i) => {
        const at = `${columnLetters(r.left + i)}${r.top + 1}`;
        const shown = texts.get(at) ?? "";
        if (!name.trim()) return [`${t.sheet}: ${t.name} column ${i + 1} has no header`];
        return shown === name ? [] : [`${t.sheet}: ${t.name} header ${at} shows "${shown}", not "${name}"`];
      });
    }),
  );

  // Warnings.
  const merges = book.sheets.flatMap((s) =>
    [...s.xml.matchAll(/<mergeCell ref="([^"]*)"/g)].map((m) => ({ sheet: s.name, ref: m[1] })),
  );
  // Every table, header row included: the Excel tables and the regions drawn as tables.
  const everyTable = [...book.tables, ...regions];
  rule(
    { id: "merged-cells-in-tables", source: excel, severity: "warning", rule: "Tables have no merged cells" },
    everyTable.length,
    everyTable.flatMap((t) =>
      merges
        .filter((m) => m.sheet === t.sheet && overlaps(m.ref, t.ref))
        .map((m) => `${t.sheet}: ${t.name} ${m.ref}`),
    ),
  );
  rule(
    { id: "sheet-names", source: excel, severity: "warning", rule: "Sheet tabs have meaningful names" },
    book.sheets.length,
    book.sheets.filter((s) => /^(Sheet|Feuil|Tabelle|Hoja)\d*$/i.test(s.name.trim())).map((s) => s.name),
  );
  const xfs = xfColours(book.styles);
  let checkedCells = 0;
  const lowContrast: string[] = [];
  for (const s of book.sheets) {
    for (const c of cells(book, s)) {
      if (!c.text.trim()) continue;
      checkedCells++;
      const { text, fill } = xfs[c.style] ?? { text: "#000000", fill: "#FFFFFF" };
      const ratio = contrastRatio(text, fill);
      if (ratio < MIN_TEXT_CONTRAST)
        lowContrast.push(`${s.name}!${c.ref} ${text} on ${fill}: ${ratio.toFixed(2)}:1`);
    }
  }
  const dxfs = dxfColours(book.styles);
  for (const [i, d] of dxfs.entries()) {
    checkedCells++;
    const ratio = contrastRatio(argbToHex(d.text, "#000000"), argbToHex(d.fill, "#FFFFFF"));
    if (ratio < MIN_TEXT_CONTRAST) lowContrast.push(`conditional format ${i + 1}: ${ratio.toFixed(2)}:1`);
  }
  rule(
    {
      id: "contrast",
      source: excel,
      severity: "warning",
      rule: `Text has at least ${MIN_TEXT_CONTRAST}:1 contrast on its fill (cells and conditional formats)`,
    },
    checkedCells,
    lowContrast,
  );

  // The Analysis Function's checklist items a generated file can show.
  const title = /<dc:title>([\s\S]*?)<\/dc:title>/.exec(book.core)?.[1] ?? "";
  rule(
    {
      id: "workbook-title",
      source: af,
      severity: "error",
      rule: "The workbook has a title in its properties",
    },
    1,
    title.trim() ? [] : ["docProps/core.xml has no dc:title"],
  );
  const names = new Set<string>();
  rule(
    {
      id: "table-names",
      source: af,
      severity: "warning",
      rule: "Each table has a meaningful, unique name (not Table1)",
    },
    book.tables.length,
    book.tables.flatMap((t) => {
      const dup = names.has(t.name.toLowerCase());
      names.add(t.name.toLowerCase());
      if (dup) return [`${t.name} is used twice`];
      return /^Table\d*$/i.test(t.name) || t.name.length < 5 ? [`${t.sheet}: ${t.name}`] : [];
    }),
  );
  rule(
    {
      id: "table-title-above",
      source: af,
      severity: "warning",
      rule: "Each table has a title in the cell above it",
    },
    book.tables.length,
    book.tables.flatMap((t) => {
      const r = parseRangeAddress(t.ref);
      if (!r || r.top === 0) return [`${t.sheet}: ${t.name} starts in row 1`];
      const above = cellText.get(t.sheet)?.get(`${columnLetters(r.left)}${r.top}`) ?? "";
      return above.trim() ? [] : [`${t.sheet}: ${t.name} has nothing above it`];
    }),
  );
  rule(
    {
      id: "no-blank-rows-or-columns",
      source: af,
      severity: "warning",
      rule: "Tables have no blank rows or columns inside them",
    },
    book.tables.length,
    book.tables.flatMap((t) => {
      const r = parseRangeAddress(t.ref);
      const texts = cellText.get(t.sheet) ?? new Map<string, string>();
      if (!r) return [];
      const col = columnLetters;
      const out: string[] = [];
      for (let row = r.top + 1; row <= r.bottom; row++) {
        let any = false;
        for (let c = r.left; c <= r.right; c++)
          if ((texts.get(`${col(c)}${row + 1}`) ?? "").trim()) any = true;
        if (!any) out.push(`${t.sheet}: ${t.name} row ${row + 1} is blank`);
      }
      for (let c = r.left; c <= r.right; c++) {
        let any = false;
        for (let row = r.top + 1; row <= r.bottom; row++)
          if ((texts.get(`${col(c)}${row + 1}`) ?? "").trim()) any = true;
        if (!any) out.push(`${t.sheet}: ${t.name} column ${col(c)} is blank`);
      }
      return out;
    }),
  );
  const links = book.sheets.flatMap((s) =>
    [...s.xml.matchAll(/<hyperlink\b([^>]*?)\/?>/g)].map((m) => ({
      sheet: s.name,
      ref: attr(m[1], "ref") ?? "",
      location: unescape(attr(m[1], "location") ?? ""),
    })),
  );
  rule(
    {
      id: "link-text",
      source: af,
      severity: "warning",
      rule: "Links say where they go in words, and go to a place that exists",
    },
    links.length,
    links.flatMap((l) => {
      const shown = cellText.get(l.sheet)?.get(l.ref) ?? "";
      const [sheet, cell] = l.location.split("!");
      const target = byName.get(sheet.replace(/^'|'$/g, "").replace(/''/g, "'"));
      const out: string[] = [];
      if (!shown.trim() || /^(https?:|'?[^!]+'?![A-Z]+\d+$)/.test(shown) || /click here/i.test(shown))
        out.push(`${l.sheet}!${l.ref} shows "${shown}"`);
      if (!target || !cell)
        out.push(`${l.sheet}!${l.ref} goes to "${l.location}", which is not in the workbook`);
      return out;
    }),
  );
  return results;
}
