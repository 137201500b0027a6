// Trackers of any size for tests and the benchmark: factor 1 is the sample tracker itself; larger factors model a
// council that tracks many more workstreams, milestones and risks over a longer history (see "How it scales").
//
// How it scales (factor f >= 2):
// - SEND Monthly and HNB Finance: real calendar months and quarters only, so the history reaches back to Sep-14
//   (EHC plans began in September 2014) and Q1 2015/16; it does not grow further with f.
// - Workstreams: the 16 sample workstreams plus 16 x (f - 1) locality workstreams spread over programmes 2-6.
// - Milestones: 25 per added workstream (complete, on track, at risk and a few overdue).
// - Risk register: 100 more risks per step of f, about 3% of them open key risks and some closed.
// At f = 100 that is 1,600 workstreams, ~39,700 milestones and ~9,900 risks: over 50,000 rows in all.
import type ExcelJS from "exceljs";
import { cellAddress } from "../../src/core/a1";
import type { RawCell, RawSheet, RawWorkbook } from "../../src/core/raw";
import { dateToSerial, MS_PER_DAY } from "../../src/core/serial";
import { sheetSpec } from "../../src/core/template";
import {
  buildTrackerWorkbook,
  headerRowOf,
  isFormatted,
  sampleTrackerSheets,
  seededRandom,
  stableXlsxBuffer,
  utcDate,
  SAMPLE_POPULATION_0_25,
  SAMPLE_SN_EHCP_SHARE,
  SAMPLE_SN_INMSS_SHARE,
  SAMPLE_WORKSTREAMS,
  type TrackerCellInput,
  type TrackerSheetInput,
  type TrackerValue,
} from "../../scripts/make-sample-tracker";

/** The tracker's sheets at a scale factor (1 = the sample tracker). */
export function generateTrackerSheets(factor: number): TrackerSheetInput[] {
  const f = Math.max(1, Math.round(factor));
  const sheets = sampleTrackerSheets();
  if (f === 1) return sheets;
  const random = seededRandom(1000 + f);
  // concat, not push(...rows): spreading a million rows as arguments overflows the call stack.
  for (const sheet of sheets) {
    if (sheet.section === "monthly") sheet.rows = [...earlierMonths(random), ...sheet.rows];
    if (sheet.section === "finance") sheet.rows = [...earlierQuarters(), ...sheet.rows];
    if (sheet.section === "workstreams") sheet.rows = sheet.rows.concat(extraWorkstreams(f));
    if (sheet.section === "milestones") sheet.rows = sheet.rows.concat(extraMilestones(f, random));
    if (sheet.section === "risks") sheet.rows = sheet.rows.concat(extraRisks(f, random));
  }
  return sheets;
}

/** Sep-14 .. Mar-22, growing towards the sample's 4,310 plans in Apr-22. */
function earlierMonths(random: () => number): TrackerCellInput[][] {
  const rows: TrackerCellInput[][] = [];
  const months = (2022 - 2014) * 12 + (4 - 9); // Sep-14 .. Mar-22
  for (let k = months; k >= 1; k--) {
    const index = months - k; // 0 = Sep-14
    const date = utcDate(2014 + Math.floor((8 + index) / 12), ((8 + index) % 12) + 1, 1);
    const funded = Math.round(4310 * Math.exp(-0.0085 * k));
    const requests = Math.round(40 + index * 0.6 + (random() - 0.5) * 10);
    const decisions = Math.round(requests * 0.9);
    const issued = Math.round(decisions * 0.8);
    const byField: Record<string, TrackerValue> = {
      month: date,
      fundedEhcps: funded,
      forecastEhcps: funded,
      population0to25: SAMPLE_POPULATION_0_25 - Math.round(k * 40),
      statNeighbourEhcpShare: SAMPLE_SN_EHCP_SHARE,
      placedInInmss: Math.round(funded * 0.06),
      statNeighbourInmssShare: SAMPLE_SN_INMSS_SHARE,
      plansCeased: Math.round(12 + index * 0.12 + random() * 6),
      ehcnaRequests: requests,
      decisionsWithin20Weeks: Math.round(decisions * 0.55),
      decisionsTotal: decisions,
      plansIssuedWithin20Weeks: Math.round(issued * 0.5),
      plansIssuedTotal: issued,
      typedEhcpShare: null,
      typedInmssShare: null,
    };
    rows.push(sheetSpec("monthly").columns.map((c) => byField[c.field] ?? null));
  }
  return rows;
}

/** Q1 2015/16 .. Q4 2022/23. */
function earlierQuarters(): TrackerCellInput[][] {
  const rows: TrackerCellInput[][] = [];
  for (let year = 2015; year <= 2022; year++) {
    const budget = Math.round((52 + (year - 2015) * 6) * 1e6);
    for (let q = 1; q <= 4; q++) {
      const outturn = budget + Math.round((2 + (year - 2015) * 2.2 + q * 0.4) * 1e6);
      const byField: Record<string, TrackerValue> = {
        period: `Q${q} ${year}/${String(year + 1).slice(2)}`,
        budget,
        forecastOutturn: outturn,
        inYearNetPosition: budget - outturn,
        goalOverspend: year >= 2021 ? Math.round((12 + (year - 2021) * 4) * 1e6) : null,
        spendForAverageCost: Math.round(outturn * 0.9),
      };
      rows.push(sheetSpec("finance").columns.map((c) => byField[c.field] ?? null));
    }
  }
  return rows;
}

const LOCALITIES = ["North", "South", "East", "West", "Central"];
const RAGS = [
  "Green - On Track",
  "Green - On Track",
  "Green - On Track",
  "Amber / Green - Off Track",
  "Amber - At Risk",
  "Amber/Red",
  "Red - Off Track",
];

const locality = (copy: number): string => `${LOCALITIES[copy % LOCALITIES.length]} locality ${copy}`;

function extraWorkstreams(f: number): TrackerCellInput[][] {
  const rows: TrackerCellInput[][] = [];
  for (let copy = 1; copy < f; copy++) {
    SAMPLE_WORKSTREAMS.forEach(([programme, name, , lead], i) => {
      rows.push([
        programme,
        `${name} (${locality(copy)})`,
        RAGS[(copy + i) % RAGS.length],
        lead,
        `Locality delivery plan update ${copy}.${i + 1}.`,
      ]);
    });
  }
  return rows;
}

function extraMilestones(f: number, random: () => number): TrackerCellInput[][] {
  const rows: TrackerCellInput[][] = [];
  for (let copy = 1; copy < f; copy++) {
    for (const [programme, name] of SAMPLE_WORKSTREAMS) {
      const workstream = `${name} (${locality(copy)})`;
      for (let k = 0; k < 25; k++) {
        // Due dates spread over 2023-2026 around the reporting date of 10/01/2025.
        const due = new Date(utcDate(2023, 1, 15).getTime() + Math.floor(random() * 1400) * MS_PER_DAY);
        const past = due.getTime() < utcDate(2025, 1, 10).getTime();
        const roll = random();
        let status = past ? "Complete" : roll < 0.85 ? "On track" : "At risk";
        if (past && roll > 0.97) status = "Overdue";
        const completed =
          status === "Complete" ? new Date(due.getTime() - Math.floor(random() * 20) * MS_PER_DAY) : null;
        rows.push([
          programme,
          workstream,
          `Milestone ${k + 1} of the ${locality(copy)} plan`,
          due,
          status,
          completed,
        ]);
      }
    }
  }
  return rows;
}

function extraRisks(f: number, random: () => number): TrackerCellInput[][] {
  const rows: TrackerCellInput[][] = [];
  let n = 10;
  for (let copy = 1; copy < f; copy++) {
    for (let k = 0; k < 100; k++, n++) {
      const key = random() < 0.03;
      const impact = key ? 4 + Math.floor(random() * 2) : 1 + Math.floor(random() * 4);
      const likelihood = key ? 4 : 1 + Math.floor(random() * 3);
      const closed = random() < 0.1;
      rows.push([
        `R${String(n).padStart(5, "0")}`,
        `There is a risk that the ${locality(copy)} delivery plan slips (item ${k + 1})`,
        "Savings in the plan are delayed.",
        "Locality SEND Manager",
        impact,
        likelihood,
        impact * likelihood,
        "Review at the locality board.",
        closed ? "Closed" : "Open",
        new Date(utcDate(2025, 1, 31).getTime() + (k % 60) * MS_PER_DAY),
      ]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// The same sheets as Office.js would read them, and as an .xlsx file

function rawValue(v: TrackerValue): RawCell {
  if (v === null) return "";
  if (v instanceof Date) return dateToSerial(v);
  return v;
}

/** A tracker sheet as the raw shape: the grid from A1, the preamble's merged cells empty, formats per cell. */
function sheetToRaw(sheet: TrackerSheetInput): RawSheet {
  const width = sheet.headers.length;
  const blankRow = (): RawCell[] => new Array<RawCell>(width).fill("");
  const generalRow = (): string[] => new Array<string>(width).fill("General");
  const values: RawCell[][] = [];
  const numberFormats: string[][] = [];
  sheet.preamble.forEach((text) => {
    const row = blankRow();
    row[0] = text;
    values.push(row);
    numberFormats.push(generalRow());
  });
  if (sheet.preamble.length > 0) {
    values.push(blankRow());
    numberFormats.push(generalRow());
  }
  values.push([...sheet.headers]);
  numberFormats.push(generalRow());
  for (const row of sheet.rows) {
    values.push(row.map((c) => rawValue(isFormatted(c) ? c.value : c)));
    numberFormats.push(
      row.map((c, i) => (isFormatted(c) ? c.numFmt : (sheet.columnFormats[i] ?? "General"))),
    );
  }
  return { name: sheet.name, values, numberFormats, originRow: 0, originCol: 0, visibility: "visible" };
}

// headerRowOf is the 1-based header row, so header row + data rows is the last row's 1-based number.
const lastCell = (sheet: TrackerSheetInput): string =>
  cellAddress(headerRowOf(sheet) + sheet.rows.length - 1, sheet.headers.length - 1);

/** A tracker at a scale factor as the raw workbook the engine reads (no file involved). */
export function generateTracker(factor: number): RawWorkbook {
  const sheets = generateTrackerSheets(factor);
  return {
    name: factor === 1 ? "sample-tracker.xlsx" : `tracker-${factor}x.xlsx`,
    sheets: sheets.map(sheetToRaw),
    tables: sheets
      .filter((s) => s.tableName)
      .map((s) => ({
        name: s.tableName as string,
        sheet: s.name,
        range: `A${headerRowOf(s)}:${lastCell(s)}`,
      })),
  };
}

/** The same tracker as an ExcelJS workbook. */
function generateTrackerWorkbook(factor: number): ExcelJS.Workbook {
  return buildTrackerWorkbook(generateTrackerSheets(factor));
}

/** The same tracker as .xlsx bytes. */
export function generateTrackerXlsx(factor: number): Promise<Buffer> {
  return stableXlsxBuffer(generateTrackerWorkbook(factor));
}

/** Rows across all sheets of a raw workbook (each sheet's used range, preamble and headers included). */
export function rowCount(raw: RawWorkbook): number {
  return raw.sheets.reduce((n, s) => n + s.values.length, 0);
}
