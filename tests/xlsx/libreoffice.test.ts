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
import { FIXTURE_CHARTS, planFixture } from "../support/plan-fixture";

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
      "Portfolio Summary: SEND Transformation",
      "Headline figures",
      "Key Programme Risks (15+)",
      "Trends",
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
    const page2 = charted.text.split("\f")[1];
    expect(page2).toContain("Portfolio Summary: SEND Transformation");
    expect(page2).toContain("Trends");
  });

  it("draws every chart, with its title and axis titles", () => {
    const text = squash(charted.text);
    for (const c of FIXTURE_CHARTS) {
      expect(text).toContain(squash(c.title));
      expect(text).toContain(squash(c.valueAxisTitle));
    }
    expect(squash(plain.text)).not.toContain(squash("EHCPs against forecast"));
  });

  it("inks each of the four chart areas on page two, which are blank without the charts", () => {
    const [withCharts, without] = [charted.pages[1], plain.pages[1]];
    // The fixture puts two charts side by side in two bands below the "Trends" heading.
    const bands = [
      { y0: 0.18, y1: 0.53 },
      { y0: 0.55, y1: 0.9 },
    ];
    const halves = [
      { x0: 0.05, x1: 0.47 },
      { x0: 0.49, x1: 0.92 },
    ];
    for (const band of bands) {
      for (const half of halves) {
        const { ink, area } = chartInk(withCharts, without, { ...band, ...half });
        expect(ink / area).toBeGreaterThan(0.03);
      }
    }
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
