// The written workbook as a reader sees it: LibreOffice prints it to PDF, and the PDF shows the figures and charts.
// LibreOffice must be installed (CI installs it): without it these tests fail with a clear message, they never skip.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { runEngine } from "../../src/core/engine";
import { planSheets } from "../../src/layout";
import type { SheetPlan } from "../../src/layout/plan";
import { convertToPdf, findSoffice, pdfText } from "../../src/xlsx/libreoffice";
import { readXlsxFile } from "../../src/xlsx/read";
import { writePlanXlsx } from "../../src/xlsx/write";
import { printedPages, rowsHeight } from "../layout/plan-checks";
import { parseRangeAddress, sheetOf } from "../layout/plan-reading";
import { planFixture } from "../support/plan-fixture";

jest.setTimeout(180_000);

const run = promisify(execFile);
const SAMPLE_TRACKER = join(__dirname, "../../assets/sample-tracker.xlsx");

interface Page {
  width: number;
  height: number;
  /** RGB bytes, row by row. */
  rgb: Buffer;
}

/** Reads a binary PPM (P6), the format pdftoppm writes when not asked for PNG. */
function readPpm(path: string): Page {
  const buf = readFileSync(path);
  const header: string[] = [];
  let i = 0;
  while (header.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    let token = "";
    while (!/\s/.test(String.fromCharCode(buf[i]))) token += String.fromCharCode(buf[i++]);
    header.push(token);
  }
  if (header[0] !== "P6" || header[3] !== "255")
    throw new Error(`Unexpected image header ${header.join(" ")}`);
  return { width: Number(header[1]), height: Number(header[2]), rgb: buf.subarray(i + 1) };
}

/** Renders each PDF page at 60 dpi and returns the pages in order. */
async function renderPages(pdf: string): Promise<Page[]> {
  const prefix = pdf.replace(/\.pdf$/, "-px");
  await run("pdftoppm", ["-r", "60", pdf, prefix]);
  const dir = join(pdf, "..");
  const stem = prefix.split("/").pop()!;
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".ppm"))
    .sort((a, b) => Number(/-(\d+)\.ppm$/.exec(a)![1]) - Number(/-(\d+)\.ppm$/.exec(b)![1]))
    .map((f) => readPpm(join(dir, f)));
}

const isInk = (p: Page, x: number, y: number) => {
  const o = (y * p.width + x) * 3;
  return p.rgb[o] < 235 || p.rgb[o + 1] < 235 || p.rgb[o + 2] < 235;
};

/** Pixels inked with charts but blank without them, inside a box given as fractions of the page. */
function chartInk(withCharts: Page, without: Page, box: { x0: number; x1: number; y0: number; y1: number }) {
  let n = 0;
  const [xa, xb] = [Math.floor(box.x0 * withCharts.width), Math.floor(box.x1 * withCharts.width)];
  const [ya, yb] = [Math.floor(box.y0 * withCharts.height), Math.floor(box.y1 * withCharts.height)];
  for (let y = ya; y < yb; y++)
    for (let x = xa; x < xb; x++) if (isInk(withCharts, x, y) && !isInk(without, x, y)) n++;
  return { ink: n, area: (xb - xa) * (yb - ya) };
}

const WHOLE_PAGE = { x0: 0, x1: 1, y0: 0, y1: 1 };

type Box = { x0: number; x1: number; y0: number; y1: number };

/** A4 landscape in points. */
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

/**
 * Where each chart of the page prints: its printed page (0-based) and its box as fractions of that page, worked
 * out from the plan's columns, rows, row breaks, repeated title rows and margins. LibreOffice fits the columns to
 * the page's width as Excel does, its columns about 6% wider than Excel's (src/layout/pagination.ts), so its scale
 * is a little smaller.
 */
function chartPlaces(plan: SheetPlan): { id: string; page: number; box: Box }[] {
  const page = sheetOf(plan, "summary");
  const print = page.print!;
  const m = print.margins!;
  const printable = A4_LANDSCAPE.width - (m.left + m.right) * 72;
  const columnPoints = page.columnWidths.map((w) => Math.trunc(((256 * w.width + 18) / 256) * 7) * 0.75);
  const scale = printable / (columnPoints.reduce((a, b) => a + b, 0) * 1.06);
  const [t1, t2] = (print.titleRows ?? "1:0").split(":").map(Number);
  const titles = rowsHeight(page, t1, t2);
  const pages = printedPages(page);
  const x = (col: number) =>
    (m.left * 72 +
      (printable * columnPoints.slice(0, col).reduce((a, b) => a + b, 0)) /
        columnPoints.reduce((a, b) => a + b, 0)) /
    A4_LANDSCAPE.width;
  return page.charts.map((c) => {
    const r = parseRangeAddress(`${c.position.from}:${c.position.to}`);
    const k = pages.findIndex(([first, last]) => r.row1 >= first && r.row1 <= last);
    const first = pages[k][0];
    const above = (first > t2 ? titles : 0) + rowsHeight(page, first, r.row1 - 1);
    const y = (points: number) => (m.top * 72 + scale * points) / A4_LANDSCAPE.height;
    return {
      id: c.id,
      page: k,
      box: {
        x0: x(r.col1),
        x1: x(r.col2 + 1),
        y0: y(above),
        y1: y(above + rowsHeight(page, r.row1, r.row2)),
      },
    };
  });
}

/** A box shrunk by `by` of its width and height on each side (or grown, for a negative `by`). */
const inset = (b: Box, by: number): Box => {
  const [w, h] = [b.x1 - b.x0, b.y1 - b.y0];
  return { x0: b.x0 + w * by, x1: b.x1 - w * by, y0: b.y0 + h * by, y1: b.y1 - h * by };
};

/** How often `part` occurs in `text`. */
const occurrences = (text: string, part: string) => text.split(part).length - 1;

const withoutCharts = (plan: SheetPlan): SheetPlan => ({
  ...plan,
  sheets: plan.sheets.map((s) => ({ ...s, charts: [] })),
});

/**
 * The same charts with no series: frames and titles stay, so pages break exactly as with the real charts; the
 * rest of the plan (the history sheet, the workbook's properties) as it is.
 */
const withEmptyCharts = (plan: SheetPlan): SheetPlan => ({
  ...plan,
  sheets: plan.sheets.map((s) => ({ ...s, charts: s.charts.map((c) => ({ ...c, series: [] })) })),
});

/** Whitespace-free text, so a title wrapped over several lines of a cell still matches. */
const squash = (s: string) => s.replace(/\s+/g, "");

async function printed(dir: string, name: string, plan: SheetPlan) {
  const xlsx = join(dir, `${name}.xlsx`);
  writeFileSync(xlsx, await writePlanXlsx(plan));
  const pdf = await convertToPdf(xlsx, dir);
  return {
    text: await pdfText(pdf),
    // Cell by cell: a wrapped cell's lines together even where the next column's text stands close beside them.
    cells: await pdfText(pdf, { raw: true }),
    pages: await renderPages(pdf),
  };
}

let workDir: string;

beforeAll(() => {
  if (!findSoffice()) {
    throw new Error(
      "LibreOffice (soffice) is not installed, so the printed page cannot be checked. " +
        "Install the libreoffice-calc package (apt-get install libreoffice-calc) and run the tests again.",
    );
  }
  workDir = mkdtempSync(join(tmpdir(), "ps-xlsx-lo-"));
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the fixture plan printed by LibreOffice", () => {
  let charted: { text: string; pages: Page[] };
  let plain: { text: string; pages: Page[] };

  beforeAll(async () => {
    charted = await printed(workDir, "fixture", planFixture());
    plain = await printed(workDir, "fixture-no-charts", withoutCharts(planFixture()));
  });

  it("shows the section titles and headline figures in their number formats", () => {
    for (const text of [
      "SEND Transformation — Wiltshire Council",
      "Portfolio Summary",
      "Key programme risks (score 15+)",
      "Workstream status by programme",
      "6,357",
      "£43.20m",
      "5.75%",
    ]) {
      expect(charted.text).toContain(text);
    }
  });

  it("prints the footer and repeats the title rows on the second page", () => {
    expect(charted.text).toContain("Sample & Co tracker");
    expect(charted.pages.length).toBe(plain.pages.length);
    // The second printed page starts after the first row break, with the rows the plan puts there.
    const page = sheetOf(planFixture(), "summary");
    const [first] = printedPages(page)[1];
    const opening = page.values[first - 1].find((v) => typeof v === "string" && v !== "") as string;
    expect(opening).toBeDefined();
    const page2 = charted.text.split("\f")[1];
    expect(page2).toContain("SEND Transformation — Wiltshire Council");
    expect(squash(page2)).toContain(squash(opening));
  });

  it("draws every chart, with its title and axis titles", () => {
    const text = squash(charted.text);
    const charts = sheetOf(planFixture(), "summary").charts;
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const c of charts) {
      // The data sheet names each chart's table by its title too: the chart prints it once more.
      expect(occurrences(text, squash(c.title))).toBeGreaterThan(
        occurrences(squash(plain.text), squash(c.title)),
      );
      expect(text).toContain(squash(c.valueAxisTitle));
    }
  });

  it("inks each chart's place on the page its rows print on, which is blank without the charts", () => {
    const places = chartPlaces(planFixture());
    // Two charts side by side (one page's two halves) and two in one half of a page, one above the other.
    expect(new Set(places.map((p) => p.page)).size).toBeLessThan(places.length);
    for (const { id, page, box } of places) {
      const { ink, area } = chartInk(charted.pages[page], plain.pages[page], inset(box, 0.2));
      expect([id, ink / area > 0.03]).toEqual([id, true]);
    }
  });

  it("draws no chart where none is planned", () => {
    const places = chartPlaces(planFixture());
    let stray = 0;
    charted.pages.forEach((withCharts, k) => {
      const boxes = places.filter((p) => p.page === k).map((p) => inset(p.box, -0.08));
      const whole = chartInk(withCharts, plain.pages[k], WHOLE_PAGE).ink;
      const inBoxes = boxes.reduce((n, b) => n + chartInk(withCharts, plain.pages[k], b).ink, 0);
      stray += Math.max(0, whole - inBoxes);
    });
    expect(stray).toBeLessThan(100);
  });
});

describe("the sample tracker, end to end, printed by LibreOffice", () => {
  let plan: SheetPlan;
  let charted: { text: string; cells: string; pages: Page[] };
  let hollow: { text: string; cells: string; pages: Page[] };

  beforeAll(async () => {
    const raw = await readXlsxFile(SAMPLE_TRACKER);
    plan = planSheets(runEngine(raw, { now: new Date("2025-01-10T09:30:00Z") }));
    charted = await printed(workDir, "sample", plan);
    hollow = await printed(workDir, "sample-empty-charts", withEmptyCharts(plan));
  });

  it("shows the dashboard's headline figures: 6,357 against 5,707, £43.20m and 5.75%", () => {
    for (const figure of ["6,357", "5,707", "£43.20m", "5.75%"]) expect(charted.text).toContain(figure);
  });

  it("lists the two key risks", () => {
    const text = squash(charted.cells);
    expect(text).toContain(squash("If growth is stronger than forecast, we will not meet our trajectory."));
    expect(text).toContain(
      squash("There is a risk that the capital programme fails to generate a reduction in INMSS placements"),
    );
  });

  it("draws every planned chart: each title is printed and the series add ink to the pages", () => {
    const charts = plan.sheets.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThanOrEqual(4);
    const text = squash(charted.text);
    for (const c of charts) expect(text).toContain(squash(c.title));

    // Against the same charts without series (same frames, so the same page breaks), the lines and bars add ink.
    // Per-chart placement is checked strictly on the fixture above; here the whole document is compared.
    expect(charted.pages.length).toBe(hollow.pages.length);
    const ink = charted.pages.reduce((n, p, i) => n + chartInk(p, hollow.pages[i], WHOLE_PAGE).ink, 0);
    // At 60 dpi one series inks several hundred pixels; an undrawn chart inks none.
    expect(ink).toBeGreaterThan(charts.length * 500);
  });
});
