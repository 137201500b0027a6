// A small, clean tracker as plain 2-D arrays (the dashboard's own figures), and helpers to spoil one cell of it.
// Shared by the reader and validation tests; no mocks, just the RawWorkbook shape the shells build.
import { cellAddress, parseCellAddress, parseRangeAddress } from "../../../src/core/a1";
import type { EffectiveSettings } from "../../../src/core/model";
import type { RawCell, RawSheet, RawWorkbook } from "../../../src/core/raw";
import { defaultSettings } from "../../../src/core/settings";

const SHEETS: Record<string, RawCell[][]> = {
  Settings: [
    ["Field", "Value"],
    ["Programme name", "SEND Transformation"],
    ["Council", "Wiltshire Council"],
    ["Reporting date", "10/01/2025"],
    ["SEND data last refreshed", "07/01/2025"],
    ["Finance data as at", "15/11/2024"],
    ["Finance data basis", "Q2 Forecast"],
    ["Financial year", "2024/25"],
    ["Overall RAG", "Amber/Red - At Risk"],
    ["Risk threshold", 15],
  ],
  KPIs: [
    ["KPI", "Label", "Target", "Target label", "Polarity", "Unit", "Tolerance", "Actual", "Actual as at"],
    ["ehcp_count", "Number of EHCPs", 5707, "Forecast to date", "Higher is worse", "count", 0, "", ""],
    [
      "hnb_overspend",
      "HNB Overspend",
      "£28.21m",
      "Goal for this financial year",
      "Higher is worse",
      "money",
      0,
      "£43.20m",
      "",
    ],
    [
      "inmss_share",
      "Children with EHCPs in INMSS",
      "6.92%",
      "Forecast",
      "Higher is worse",
      "share",
      0,
      "",
      "",
    ],
  ],
  "SEND Monthly": [
    [
      "Month",
      "Funded EHCPs",
      "Forecast EHCPs",
      "Population 0-25",
      "Stat neighbours % 0-25 with EHCP",
      "Placed in INMSS",
      "Stat neighbours % in INMSS",
      "% 0-25 with EHCP",
      "% placed in INMSS",
    ],
    ["Sep-24", 6059, 5500, 166500, "3.19%", 354, "5.72%", "3.64%", "5.84%"],
    ["Oct-24", 6166, 5570, 166500, "3.19%", 359, "5.72%", "3.70%", "5.82%"],
    ["Nov-24", 6274, 5640, 166500, "3.19%", 359, "5.72%", "3.77%", "5.72%"],
    ["Dec-24", 6353, 5707, 166500, "3.19%", 358, "5.72%", "3.82%", "5.64%"],
  ],
  "HNB Finance": [
    ["Period", "Budget", "Forecast outturn", "In-year net position", "Goal overspend"],
    ["Q2 2024/25", "£112.40m", "£155.60m", "(£43.20m)", "£28.21m"],
  ],
  "Special School Places": [
    [
      "Month",
      "New places delivered (running total)",
      "Places filled",
      "Places required",
      "Cost per shortfall place",
    ],
    ["Nov-24", 330, 300, 400, "£38,620"],
    ["Dec-24", 342, 318, 400, "£38,620"],
  ],
  Programmes: [
    ["Programme", "Name", "Note"],
    [1, "Voice of the child and their family", "Further work to be done."],
    [2, "Improving support, skills and practice", ""],
  ],
  Workstreams: [
    ["Programme", "Workstream", "RAG", "Lead"],
    [2, "Improved early support offer", "Green - On Track", "Head of SEND"],
    [2, "Multi-agency approach to supporting schools", "Amber / Green - Off Track", "Head of SEND"],
    [3, "Additional Secondary Resource Bases", "Green - On Track", "Head of Commissioning"],
  ],
  Milestones: [
    ["Programme", "Milestone", "Due date", "Status", "Completed date"],
    [3, "Open second resource base", "31/03/2025", "On track", ""],
    [3, "Open first resource base", "30/09/2024", "Complete", "15/09/2024"],
  ],
  "Risk Register": [
    [
      "ID",
      "Risk",
      "Impact",
      "Risk owner",
      "Impact (1-5)",
      "Likelihood (1-5)",
      "Risk score",
      "Action required",
      "Status",
    ],
    [
      "R01",
      "If growth is stronger than forecast, we will not meet our trajectory.",
      "Financial difficulty",
      "Director of Education",
      5,
      4,
      20,
      "Reforecast the plan",
      "Open",
    ],
    [
      "R02",
      "There is a risk that the capital programme fails to reduce INMSS placements",
      "Deficit grows",
      "Director of Education",
      4,
      4,
      16,
      "Deliver the plan",
      "Open",
    ],
    [
      "R03",
      "Recruitment of inclusion advisors is slow",
      "Delay",
      "Head of SEND",
      2,
      3,
      6,
      "Agency cover",
      "Closed",
    ],
  ],
};

/** Pads rows so the block is rectangular, as Office.js returns a used range. */
function rectangular(rows: RawCell[][]): RawCell[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array<RawCell>(width - r.length).fill("")]);
}

/** The clean tracker; `origin` moves every sheet's used range (e.g. { originRow: 4, originCol: 2 } starts at C5). */
export function cleanTracker(
  origin: { originRow: number; originCol: number } = { originRow: 0, originCol: 0 },
): RawWorkbook {
  return {
    name: "SEND tracker.xlsx",
    sheets: Object.entries(SHEETS).map(([name, rows]): RawSheet => ({
      name,
      values: rectangular(rows.map((r) => [...r])),
      ...origin,
    })),
  };
}

export function sheetOf(raw: RawWorkbook, name: string): RawSheet {
  const s = raw.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`fixture has no sheet ${name}`);
  return s;
}

/**
 * Sets a cell given by its address *as if the sheet started at A1*, so one scenario works for any origin.
 * The block grows (staying rectangular) when the cell lies outside it.
 */
export function setCell(raw: RawWorkbook, sheet: string, address: string, value: RawCell): void {
  const s = sheetOf(raw, sheet);
  const at = parseCellAddress(address);
  if (!at) throw new Error(`bad address ${address}`);
  while (s.values.length <= at.row) s.values.push([]);
  s.values[at.row][at.col] = value;
  s.values = rectangular(s.values.map((r) => Array.from(r, (v) => v ?? "")));
}

export function removeSheet(raw: RawWorkbook, name: string): void {
  raw.sheets = raw.sheets.filter((s) => s.name !== name);
}

/** Shifts an A1 address or range written for a sheet at A1 to the same place on a sheet at `origin`. */
export function shifted(address: string, origin: { originRow: number; originCol: number }): string {
  if (address === "") return "";
  const r = parseRangeAddress(address);
  if (!r) throw new Error(`bad address ${address}`);
  const a = cellAddress(r.top + origin.originRow, r.left + origin.originCol);
  const b = cellAddress(r.bottom + origin.originRow, r.right + origin.originCol);
  return address.includes(":") ? `${a}:${b}` : a;
}

/** The settings in force for the sample (what the settings resolver gives for the clean tracker). */
export const SAMPLE_SETTINGS: EffectiveSettings = defaultSettings();
