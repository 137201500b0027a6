// Acceptance for the add-in (issue 4): the sample tracker opened in the in-memory Excel and refreshed through the
// Office.js gateway gives, cell by cell and chart by chart, the sheets the .xlsx renderer writes for the same tracker.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runEngine } from "../../src/core/engine";
import type { RefreshOutcome } from "../../src/excel/api";
import { createWorkbookGateway } from "../../src/excel/gateway";
import { planSheets, RAG_COLOURS } from "../../src/layout/index";
import type { SheetPlan } from "../../src/layout/plan";
import { readXlsxFile } from "../../src/xlsx/read";
import { writePlanXlsx } from "../../src/xlsx/write";
import { ExcelSim, type SheetSnapshot } from "../../src/excel-sim";
import {
  fileChartViews,
  fileConditionalFormats,
  filePrintView,
  fileSheetView,
  fileSheetXml,
  simChartViews,
  simConditionalFormats,
  simPrintView,
  simSheetView,
  type ChartView,
  type SheetView,
  type StyleView,
} from "./sheet-views";

const SAMPLE_PATH = join(__dirname, "..", "..", "assets", "sample-tracker.xlsx");
const SAMPLE_NAME = "sample-tracker.xlsx";
const NOW = new Date("2025-01-08T09:30:00Z");
const SUMMARY = "Portfolio Summary";
const DATA = "Portfolio Summary Data";
/** The history sheet (issue 13): the add-in appends one block a refresh, the file holds it whole. */
const HISTORY = "Portfolio Summary History";
const FIVE_MB = 5 * 1024 * 1024;

/** What the file renderer wrote for the sample: its plan, and the .xlsx read back. */
interface FromFile {
  plan: SheetPlan;
  book: ExcelJS.Workbook;
  charts: Record<string, ChartView[]>;
  /** Worksheet parts by sheet name, for what ExcelJS does not read back (page breaks). */
  sheetXml: Record<string, string>;
}

/** What the add-in did to the live workbook. */
interface FromAddin {
  sim: ExcelSim;
  outcome: RefreshOutcome;
  trackerBefore: Record<string, SheetSnapshot>;
}

async function renderFile(): Promise<FromFile> {
  const raw = await readXlsxFile(SAMPLE_PATH);
  const plan = planSheets(runEngine(raw, { now: NOW }));
  const bytes = await writePlanXlsx(plan);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const zip = await JSZip.loadAsync(bytes);
  return { plan, book, charts: await fileChartViews(zip), sheetXml: await fileSheetXml(zip) };
}

function snapshotAll(sim: ExcelSim): Record<string, SheetSnapshot> {
  return Object.fromEntries(sim.sheetNames.map((name) => [name, sim.snapshot(name)]));
}

function gatewayFor(sim: ExcelSim) {
  let run = 0;
  return createWorkbookGateway(sim.run, { newRunId: () => `e2e${++run}` });
}

async function refreshInExcel(): Promise<FromAddin> {
  const sim = new ExcelSim();
  await sim.importXlsx(await readFile(SAMPLE_PATH), { name: SAMPLE_NAME });
  const trackerBefore = snapshotAll(sim);
  sim.resetCounters();
  const outcome = await gatewayFor(sim).refresh({ now: NOW });
  return { sim, outcome, trackerBefore };
}

const DEFAULT_STYLE: StyleView = {
  font: { name: "Calibri", size: 11, bold: false, italic: false, underline: false, color: "#000000" },
  fill: null,
  horizontal: "General",
  vertical: "Bottom",
  wrap: false,
  indent: 0,
};

/** Styles that show on the page: Excel's default style on an unstyled cell looks like no cell at all. */
function visibleStyles(view: SheetView): Record<string, StyleView> {
  return Object.fromEntries(
    Object.entries(view.styles).filter(([, s]) => JSON.stringify(s) !== JSON.stringify(DEFAULT_STYLE)),
  );
}

/** Cells on which two records disagree, each with both sides, so a failure names the cells rather than a blob. */
function differences<T>(addin: Record<string, T>, file: Record<string, T>) {
  const keys = [...new Set([...Object.keys(addin), ...Object.keys(file)])];
  return keys
    .filter((k) => JSON.stringify(addin[k]) !== JSON.stringify(file[k]))
    .map((cell) => ({ cell, addin: addin[cell], file: file[cell] }));
}

let file: FromFile;
let addin: FromAddin;

beforeAll(async () => {
  [file, addin] = await Promise.all([renderFile(), refreshInExcel()]);
}, 60_000);

describe("Refresh summary on the sample tracker in the in-memory Excel", () => {
  it("succeeds in four syncs (two to read the tracker, two to write), every request and response under 5 MB", () => {
    expect(addin.outcome).toMatchObject({ ok: true, sheetName: SUMMARY, failedStep: null });
    expect(addin.outcome.syncs).toBe(4);
    expect(addin.sim.syncCount).toBe(4);
    for (const r of addin.sim.requests) {
      expect(r.requestBytes).toBeLessThan(FIVE_MB);
      expect(r.responseBytes).toBeLessThan(FIVE_MB);
    }
  });

  it("adds the summary and its chart data after the tracker's sheets, as the file renderer names them", () => {
    const trackerSheets = Object.keys(addin.trackerBefore);
    expect(addin.sim.sheetNames).toEqual([...trackerSheets, SUMMARY, DATA, HISTORY]);
    expect(file.book.worksheets.map((ws) => ws.name)).toEqual([SUMMARY, DATA, HISTORY]);
  });
});

describe.each([SUMMARY, DATA])("the %s sheet is the one the .xlsx renderer writes", (sheetName) => {
  let live: SheetView;
  let written: SheetView;
  beforeAll(() => {
    live = simSheetView(addin.sim.snapshot(sheetName));
    const ws = file.book.getWorksheet(sheetName);
    if (!ws) throw new Error(`The renderer's file has no "${sheetName}" sheet`);
    written = fileSheetView(ws);
  });

  it("has the same value in every cell", () => {
    expect(Object.keys(written.values).length).toBeGreaterThan(20);
    expect(differences(live.values, written.values)).toEqual([]);
  });

  it("has the same number format in every cell", () => {
    expect(Object.keys(written.numberFormats).length).toBeGreaterThan(0);
    expect(differences(live.numberFormats, written.numberFormats)).toEqual([]);
  });

  it("has the same fonts, fills and alignment in every cell", () => {
    expect(Object.keys(visibleStyles(written)).length).toBeGreaterThan(0);
    expect(differences(visibleStyles(live), visibleStyles(written))).toEqual([]);
  });

  it("draws the same border lines", () => {
    expect(Object.keys(written.lines).length).toBeGreaterThan(0);
    expect(differences(live.lines, written.lines)).toEqual([]);
  });

  it("merges the same cells", () => {
    if (sheetName === SUMMARY) expect(written.merges.length).toBeGreaterThan(0);
    expect(live.merges).toEqual(written.merges);
  });

  it("has the same conditional formats, ranked in the same order", () => {
    const ws = file.book.getWorksheet(sheetName) as ExcelJS.Worksheet;
    const written = fileConditionalFormats(ws);
    if (sheetName === SUMMARY) expect(written.length).toBeGreaterThan(0);
    expect(simConditionalFormats(addin.sim.snapshot(sheetName))).toEqual(written);
  });

  it("prints alike (A4, pages wide, print area, title rows, margins, footer, page breaks) and looks alike on screen (frozen panes, gridlines, tab colour)", () => {
    const ws = file.book.getWorksheet(sheetName) as ExcelJS.Worksheet;
    const written = filePrintView(ws, file.sheetXml[sheetName]);
    expect(written.pageStarts.length).toBeGreaterThan(0);
    expect(simPrintView(addin.sim.snapshot(sheetName))).toEqual(written);
  });

  it("has the same column widths, to the pixel, and row heights", () => {
    expect(Object.keys(written.columnWidths).length).toBeGreaterThan(0);
    expect(live.columnWidths).toEqual(written.columnWidths);
    expect(live.rowHeights).toEqual(written.rowHeights);
  });
});

describe("charts", () => {
  it("the summary's charts match the file's in type, series, ranges, titles, axes, legend and place", () => {
    const live = simChartViews(addin.sim.snapshot(SUMMARY));
    expect(live.length).toBe(file.plan.sheets[0].charts.length);
    expect(live.length).toBeGreaterThan(3);
    expect(live).toEqual(file.charts[SUMMARY]);
  });

  it("colour each series by its meaning and run the categories in the same order as the file's (programme 1 at the top of the bars)", () => {
    const view = (charts: ChartView[]) =>
      charts.map((c) => ({
        chart: c.name,
        reversed: c.categoriesReversed,
        valueAxisAtEnd: c.valueAxisAtEnd,
        colours: c.series.map((s) => [s.name, s.color]),
      }));
    const live = simChartViews(addin.sim.snapshot(SUMMARY));
    expect(view(live)).toEqual(view(file.charts[SUMMARY]));
    for (const series of live.flatMap((c) => c.series)) expect(series.color).toMatch(/^#[0-9A-F]{6}$/);
    const rag = live.find((c) => c.name === "PS_workstream_rag");
    expect(rag).toMatchObject({ categoriesReversed: true, valueAxisAtEnd: true });
    const colourOf = (grade: string) => rag?.series.find((s) => s.name === grade)?.color;
    expect([colourOf("Green"), colourOf("Amber"), colourOf("Red")]).toEqual([
      RAG_COLOURS.Green.fill,
      RAG_COLOURS.Amber.fill,
      RAG_COLOURS.Red.fill,
    ]);
    expect(live.filter((c) => c.categoriesReversed).map((c) => c.type)).toEqual(
      live.filter((c) => c.type === "BarStacked").map((c) => c.type),
    );
  });

  it("every series reads from the final chart-data sheet, not a working sheet of the refresh", () => {
    const ranges = simChartViews(addin.sim.snapshot(SUMMARY)).flatMap((c) =>
      c.series.flatMap((s) => [s.categories, s.values]),
    );
    expect(ranges.length).toBeGreaterThan(0);
    for (const range of ranges) expect(range.startsWith(`${DATA}!`)).toBe(true);
  });

  it("category labels sit at the chart's edge on every chart, clear of negative bars such as the HNB net position", () => {
    const live = simChartViews(addin.sim.snapshot(SUMMARY));
    expect(live.map((c) => c.categoryTickLabels)).toEqual(live.map(() => "Low"));
    expect(file.charts[SUMMARY].map((c) => c.categoryTickLabels)).toEqual(live.map(() => "Low"));
  });

  it("the chart-data sheet carries no charts in either", () => {
    expect(addin.sim.snapshot(DATA).charts).toEqual([]);
    expect(file.charts[DATA]).toEqual([]);
  });
});

describe("the rest of the workbook", () => {
  it("the footer names the tracker file, read from the workbook's own name", () => {
    const footer = addin.sim.snapshot(SUMMARY).pageLayout.centerFooter;
    expect(footer).toContain(SAMPLE_NAME);
    const lastText = Object.values(simSheetView(addin.sim.snapshot(SUMMARY)).values).filter(
      (v) => typeof v === "string" && v.startsWith("Generated "),
    );
    expect(lastText).toEqual([expect.stringContaining(`from ${SAMPLE_NAME}.`)]);
  });

  it("leaves every tracker sheet identical: values, formulas, number formats, styles, layout", () => {
    for (const [name, before] of Object.entries(addin.trackerBefore)) {
      expect(addin.sim.snapshot(name)).toEqual(before);
    }
  });

  it("a second refresh is idempotent: same sheets, same content, same charts", async () => {
    const { sim } = addin;
    const first = snapshotAll(sim);
    sim.resetCounters();
    const again = await gatewayFor(sim).refresh({ now: NOW });
    expect(again).toMatchObject({ ok: true, sheetName: SUMMARY, syncs: 4 });
    expect(sim.sheetNames).toEqual(Object.keys(first));
    // Only the run id in the add-in's marks may change.
    const withoutMarks = (s: SheetSnapshot) => ({ ...s, customProperties: {} });
    for (const name of sim.sheetNames.filter((n) => n !== HISTORY))
      expect(withoutMarks(sim.snapshot(name))).toEqual(withoutMarks(first[name]));
    // The history only grows: the first refresh's rows as they were, and the second's block below them.
    const history = sim.snapshot(HISTORY).values;
    expect(history.slice(0, first[HISTORY].values.length)).toEqual(first[HISTORY].values);
    expect(history.length).toBe(2 * first[HISTORY].values.length - 1);
  });

  it("the workbook saved from Excel holds the summary's values and number formats as the renderer's file does", async () => {
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.load(Buffer.from(await addin.sim.exportXlsx()) as unknown as ArrayBuffer);
    for (const name of [SUMMARY, DATA]) {
      const saved = fileSheetView(exported.getWorksheet(name) as ExcelJS.Worksheet);
      const written = fileSheetView(file.book.getWorksheet(name) as ExcelJS.Worksheet);
      expect(differences(saved.values, written.values)).toEqual([]);
      expect(differences(saved.numberFormats, written.numberFormats)).toEqual([]);
      expect(saved.merges).toEqual(written.merges);
    }
  });
});

/** An Excel table as both sides describe it: where it is, its header row and its style. */
interface TableView {
  name: string;
  sheet: string;
  range: string;
  headers: string[];
  style: string;
}

/** The tables in the written file: each table part with the sheet whose relationships name it. */
async function fileTables(): Promise<TableView[]> {
  const raw = await readXlsxFile(SAMPLE_PATH);
  const zip = await JSZip.loadAsync(await writePlanXlsx(planSheets(runEngine(raw, { now: NOW }))));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const workbookRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const out: TableView[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(workbookRels)?.[1] ?? "";
    const file = target.split("/").pop() ?? "";
    const rels = await zip.file(`xl/worksheets/_rels/${file}.rels`)?.async("string");
    for (const t of rels?.matchAll(/Target="\.\.\/tables\/(table\d+\.xml)"/g) ?? []) {
      const xml = await zip.file(`xl/tables/${t[1]}`)!.async("string");
      out.push({
        name: /\bname="([^"]*)"/.exec(xml)?.[1] ?? "",
        sheet: m[1],
        range: /\bref="([^"]*)"/.exec(xml)?.[1] ?? "",
        headers: [...xml.matchAll(/<tableColumn [^>]*name="([^"]*)"/g)].map((c) =>
          c[1]
            .replace(/&amp;/g, "&")
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">"),
        ),
        style: /<tableStyleInfo name="([^"]*)"/.exec(xml)?.[1] ?? "",
      });
    }
  }
  return out;
}

/** The tables the add-in left in the live workbook, read through the Office.js API. */
async function liveTables(sim: ExcelSim): Promise<TableView[]> {
  return sim.run(async (context) => {
    const tables = context.workbook.tables.load("items/name,items/style");
    await context.sync();
    const parts = tables.items.map((t) => ({
      t,
      sheet: t.worksheet.load("name"),
      range: t.getRange().load("address"),
      header: t.getHeaderRowRange().load("values"),
    }));
    await context.sync();
    return parts.map(({ t, sheet, range, header }) => ({
      name: t.name,
      sheet: sheet.name,
      range: range.address.replace(/^.*!/, "").replace(/\$/g, ""),
      headers: (header.values[0] ?? []).map(String),
      style: t.style,
    }));
  });
}

describe("the data sheet's Excel tables, links and the charts' alternative text", () => {
  it("the add-in adds the same Excel tables as the file holds: names, places, header rows and style", async () => {
    const [written, live] = await Promise.all([fileTables(), liveTables(addin.sim)]);
    expect(written.length).toBeGreaterThan(10);
    const byName = (views: TableView[]) => [...views].sort((a, b) => a.name.localeCompare(b.name));
    // The tracker's own tables stay as they were; the add-in's are on its data sheet.
    expect(live.filter((t) => t.sheet !== DATA).map((t) => t.name)).toEqual(["RiskRegister"]);
    expect(byName(live.filter((t) => t.sheet === DATA))).toEqual(byName(written));
    for (const t of written) expect(t.sheet).toBe(DATA);
    expect(written.map((t) => t.name)).toEqual(
      expect.arrayContaining(["tblContents", "tblKeyRisks", "tblKpis"]),
    );
  });

  it("the contents links each table's title, to the same places in both", () => {
    const ws = file.book.getWorksheet(DATA) as ExcelJS.Worksheet;
    const xml = file.sheetXml[DATA];
    const written = Object.fromEntries(
      [...xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g)].map((m) => [
        m[1],
        m[2].replace(/&apos;/g, "'").replace(/&amp;/g, "&"),
      ]),
    );
    const live = Object.fromEntries(
      Object.entries(addin.sim.snapshot(DATA).hyperlinks ?? {}).map(([cell, link]) => [
        cell,
        link.documentReference ?? "",
      ]),
    );
    expect(Object.keys(written).length).toBeGreaterThan(10);
    expect(live).toEqual(written);
    expect(ws.getCell("A4").value).toBe("Contents");
  });

  it("every chart's alternative text, in the file's drawing, is what the live data sheet's contents says the chart shows", async () => {
    const zip = await JSZip.loadAsync(await writePlanXlsx(file.plan));
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    const descriptions = [...drawing.matchAll(/name="(PS_[^"]*)" descr="([^"]*)" title="([^"]*)"/g)].map(
      (m) => ({
        chart: m[1],
        descr: m[2].replace(/&amp;/g, "&").replace(/&quot;/g, '"'),
        title: m[3].replace(/&amp;/g, "&").replace(/&quot;/g, '"'),
      }),
    );
    expect(descriptions.length).toBe(file.plan.sheets[0].charts.length);
    const contents = addin.sim.snapshot(DATA).values.map((row) => String(row[3] ?? ""));
    for (const d of descriptions) {
      expect(d.descr).not.toBe(d.title);
      expect(d.descr).toContain(d.title);
      expect(d.descr).toMatch(/\d/);
      expect(contents).toContain(d.descr);
    }
  });
});
