// Builds assets/sample-tracker.xlsx: a SEND transformation tracker laid out as src/core/template.ts describes,
// whose figures reproduce the council dashboard in /work/shared/seed (EHCPs 6357 vs 5707, overspend £43.20m, ...).
// Deterministic: every figure is written out or derived from a seeded sequence, so re-running gives identical data.
// Run: npx tsx scripts/make-sample-tracker.ts [output.xlsx]
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { SETTINGS_FIELDS, sheetSpec } from "../src/core/template";
import type { SectionId } from "../src/core/tracker";

/** A value as it is typed into the tracker. Dates are UTC midnights. */
export type TrackerValue = string | number | boolean | Date | null;
/** A value with a number format of its own (used where one column mixes kinds, as on Settings). */
export interface FormattedValue {
  value: TrackerValue;
  numFmt: string;
}
export type TrackerCellInput = TrackerValue | FormattedValue;

/** One tracker sheet, described independently of ExcelJS so tests can turn it into a raw workbook too. */
export interface TrackerSheetInput {
  section: SectionId;
  name: string;
  /** Rows above the header: a title, a note, then a blank row (as councils lay sheets out). Empty = header on row 1. */
  preamble: string[];
  headers: string[];
  rows: TrackerCellInput[][];
  /** Number format of each column's data cells (undefined = General). */
  columnFormats: (string | undefined)[];
  columnWidths: number[];
  /** When set, the header and rows are an Excel table (ListObject) of this name. */
  tableName?: string;
}

export const DATE_FORMAT = "dd/mm/yyyy";
export const MONTH_FORMAT = "mmm-yy";
export const SHARE_FORMAT = "0.00%";
export const MONEY_FORMAT = "£#,##0";
export const COUNT_FORMAT = "#,##0";

export const isFormatted = (c: TrackerCellInput): c is FormattedValue =>
  c !== null && typeof c === "object" && !(c instanceof Date);

export const utcDate = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Headers in template order, taken from the template so a renamed column cannot drift. */
const headersOf = (section: SectionId): string[] => sheetSpec(section).columns.map((c) => c.header);

/** Small seeded generator (mulberry32) for plausible month-to-month wobble that is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const RAG_NARRATIVE = [
  "Overall, SEND Transformation is Amber/Red - At Risk. This is because, despite significant progress being made on the project activity we are not yet seeing these efforts reflected in the data. Clearly the assumptions about how quickly the impact of our efforts would be felt were optimistic and this is now being factored into future plans.",
  "The number of EHCPs in the Wiltshire system is 650 plans higher than forecast for this point in the plan and now that this is being seen in the financial figures, this is driving a £15m overspend above the expected overspend for this financial year.",
  "There are some positive signs, demand for EHCNA requests appears to have plateaued - but this needs to be monitored to ensure it is not suppressed demand which is going to reoccur at a later date. However, while demand is plateauing, this gives us a stable state to forecast the new plan from.",
].join("\n\n");

// ---------------------------------------------------------------------------------------------------------------
// Settings and KPIs

function settingsSheet(): TrackerSheetInput {
  const values: Record<string, TrackerCellInput> = {
    programmeName: "SEND Transformation",
    council: "Wiltshire Council",
    reportingDate: { value: utcDate(2025, 1, 10), numFmt: DATE_FORMAT },
    sendDataRefreshed: { value: utcDate(2025, 1, 7), numFmt: DATE_FORMAT },
    financeDataAsAt: { value: utcDate(2024, 11, 15), numFmt: DATE_FORMAT },
    financeBasis: "Q2 Forecast",
    financialYear: "2024/25",
    overallRag: "Amber/Red - At Risk",
    ragNarrative: RAG_NARRATIVE,
    riskThreshold: 15,
    riskBands: "Very high 20; High 15; Medium 8; Low 1",
    sendStalenessDays: 45,
    financeStalenessDays: 120,
    twentyWeekVariant: "Excluding exceptions",
    populationAgeBand: "0-25",
    ceasedIncludeTransfers: "No",
  };
  const missing = SETTINGS_FIELDS.filter((f) => !(f.field in values));
  if (missing.length > 0) throw new Error(`Sample settings lack ${missing.map((f) => f.field).join(", ")}`);
  return {
    section: "settings",
    name: sheetSpec("settings").name,
    preamble: [
      "SEND Transformation tracker: programme settings",
      "One setting a row. Dates are dd/mm/yyyy. The Portfolio Summary reads this sheet; do not rename the Field column.",
    ],
    headers: headersOf("settings"),
    rows: SETTINGS_FIELDS.map((f) => [f.header, values[f.field]]),
    columnFormats: [undefined, undefined],
    columnWidths: [34, 90],
  };
}

function kpiSheet(): TrackerSheetInput {
  const headers = headersOf("kpis");
  return {
    section: "kpis",
    name: sheetSpec("kpis").name,
    preamble: [
      "Headline KPIs",
      "Targets from the Safety Valve plan. Leave Actual blank to derive it from the SEND Monthly and HNB Finance sheets.",
    ],
    headers,
    rows: [
      [
        "ehcp_count",
        "Number of EHCPs",
        { value: 5707, numFmt: COUNT_FORMAT },
        "Forecast to date",
        "Higher is worse",
        "count",
        { value: 50, numFmt: COUNT_FORMAT },
        // A live count on the refresh date; the Dec-24 month-end figure on SEND Monthly is 6353.
        { value: 6357, numFmt: COUNT_FORMAT },
        utcDate(2025, 1, 7),
      ],
      [
        "hnb_overspend",
        "HNB Overspend 2024/25",
        { value: 28_210_000, numFmt: MONEY_FORMAT },
        "Goal for this financial year",
        "Higher is worse",
        "money",
        { value: 500_000, numFmt: MONEY_FORMAT },
        null,
        null,
      ],
      [
        "inmss_share",
        "Children with EHCPs in INMSS",
        { value: 0.0692, numFmt: SHARE_FORMAT },
        "Forecast",
        "Higher is worse",
        "share",
        { value: 0.0025, numFmt: SHARE_FORMAT },
        null,
        null,
      ],
    ],
    columnFormats: headers.map((h, i) => (i === headers.length - 1 ? DATE_FORMAT : undefined)),
    columnWidths: [16, 30, 14, 30, 16, 10, 12, 12, 14],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// SEND Monthly: Apr-22 .. Dec-24

/** Funded EHCPs at each month end, Apr-22 .. Dec-24; Sep-Dec of 2023 and 2024 are the dashboard's figures. */
export const FUNDED_EHCPS = [
  // 2022: Apr .. Dec
  4310, 4362, 4418, 4471, 4495, 4560, 4622, 4680, 4735,
  // 2023: Jan .. Dec
  4790, 4851, 4912, 4968, 5031, 5094, 5160, 5204, 5301, 5343, 5418, 5481,
  // 2024: Jan .. Dec
  5547, 5612, 5680, 5741, 5808, 5876, 5942, 5990, 6059, 6166, 6274, 6353,
];

/** Children with an EHCP placed in INMSS, Jan-24 .. Dec-24, chosen so the 2024 mean share is 5.75%. */
const INMSS_2024 = [320, 322, 326, 330, 333, 337, 341, 345, 354, 359, 359, 358];
/** Sep-23 .. Dec-23: a year before the dashboard's last four months (+44, +41, +40, +41). */
const INMSS_SEP_DEC_2023 = [310, 318, 319, 317];
/** The dashboard's typed "% placed in INMSS" for Sep-24 .. Dec-24 (5.85% is its own rounding slip: 354/6059 = 5.84%). */
const TYPED_INMSS_SHARE = [0.0585, 0.0582, 0.0572, 0.0564];

export const SAMPLE_POPULATION_0_25 = 166_500;
export const SAMPLE_SN_EHCP_SHARE = 0.0319;
export const SAMPLE_SN_INMSS_SHARE = 0.0572;
export const SAMPLE_FIRST_MONTH = { year: 2022, month: 4 };

/** The month `offset` months after Apr-22, as its first day. */
const monthAt = (offset: number): Date =>
  utcDate(2022 + Math.floor((3 + offset) / 12), ((3 + offset) % 12) + 1, 1);

function monthlySheet(): TrackerSheetInput {
  const headers = headersOf("monthly");
  const random = seededRandom(20250107);
  const n = FUNDED_EHCPS.length;
  const forecastFrom = 11; // Mar-23: the plan baseline; the trajectory then runs to 5707 at Dec-24.
  const rows: TrackerCellInput[][] = FUNDED_EHCPS.map((funded, i) => {
    const month = monthAt(i);
    const year = month.getUTCFullYear();
    const calMonth = month.getUTCMonth() + 1;
    const forecast =
      i <= forecastFrom
        ? funded
        : Math.round(4912 + ((5707 - 4912) * (i - forecastFrom)) / (n - 1 - forecastFrom));
    let placed: number;
    if (year === 2024) placed = INMSS_2024[calMonth - 1];
    else if (year === 2023 && calMonth >= 9) placed = INMSS_SEP_DEC_2023[calMonth - 9];
    else {
      // Apr-22 .. Aug-23: share drifting from 6.00% to 5.88% as the capital programme opens local places.
      const share = 0.06 - (0.0012 * i) / 16;
      placed = Math.round(funded * share);
    }
    // Requests climbed through 2022-23 and plateaued in 2024 (the narrative's "plateaued" demand).
    const trend = year === 2022 ? 96 + i * 1.5 : year === 2023 ? 112 + (calMonth - 1) * 2.2 : 139;
    const schoolHoliday = calMonth === 8 ? -22 : calMonth === 12 ? -12 : 0;
    const requests = Math.round(trend + schoolHoliday + (random() - 0.5) * 8);
    const decisionsTotal = Math.round(requests * (0.88 + random() * 0.08));
    const onTimeRate = year === 2022 ? 0.52 : year === 2023 ? 0.58 : 0.66;
    const decisionsOnTime = Math.round(decisionsTotal * (onTimeRate + (random() - 0.5) * 0.06));
    const issuedTotal = Math.round(decisionsTotal * (0.78 + random() * 0.08));
    const issuedOnTime = Math.round(issuedTotal * (onTimeRate - 0.08 + (random() - 0.5) * 0.06));
    const ceased = Math.round(24 + i * 0.25 + (calMonth === 7 || calMonth === 8 ? 14 : 0) + random() * 6);
    const typedInmss = i >= n - 4 ? TYPED_INMSS_SHARE[i - (n - 4)] : null;
    const typedEhcpShare = i >= n - 4 ? Math.round((funded / SAMPLE_POPULATION_0_25) * 10000) / 10000 : null;
    const byField: Record<string, TrackerValue> = {
      month,
      fundedEhcps: funded,
      forecastEhcps: forecast,
      population0to25: SAMPLE_POPULATION_0_25,
      statNeighbourEhcpShare: SAMPLE_SN_EHCP_SHARE,
      placedInInmss: placed,
      statNeighbourInmssShare: SAMPLE_SN_INMSS_SHARE,
      plansCeased: ceased,
      ehcnaRequests: requests,
      decisionsWithin20Weeks: decisionsOnTime,
      decisionsTotal,
      plansIssuedWithin20Weeks: issuedOnTime,
      plansIssuedTotal: issuedTotal,
      typedEhcpShare,
      typedInmssShare: typedInmss,
    };
    return sheetSpec("monthly").columns.map((c) => byField[c.field] ?? null);
  });
  const formatOf: Record<string, string | undefined> = {
    month: MONTH_FORMAT,
    fundedEhcps: COUNT_FORMAT,
    forecastEhcps: COUNT_FORMAT,
    population0to25: COUNT_FORMAT,
    statNeighbourEhcpShare: SHARE_FORMAT,
    statNeighbourInmssShare: SHARE_FORMAT,
    typedEhcpShare: SHARE_FORMAT,
    typedInmssShare: SHARE_FORMAT,
  };
  return {
    section: "monthly",
    name: sheetSpec("monthly").name,
    preamble: [
      "SEND monthly data",
      "Month-end figures from the SEND case management system; population is the ONS mid-2023 estimate, ages 0-25.",
    ],
    headers,
    rows,
    columnFormats: sheetSpec("monthly").columns.map((c) => formatOf[c.field]),
    columnWidths: headers.map((h) => Math.max(10, Math.min(18, h.length + 2))),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HNB Finance, Special School Places

function financeSheet(): TrackerSheetInput {
  const m = 1_000_000;
  // [period, budget, forecast outturn, goal overspend, spend for average cost]
  const quarters: [string, number, number, number, number][] = [
    ["Q1 2023/24", 98.6 * m, 116.9 * m, 20.45 * m, 118.3 * m],
    ["Q2 2023/24", 98.6 * m, 118.2 * m, 20.45 * m, 119.6 * m],
    ["Q3 2023/24", 98.6 * m, 120.4 * m, 20.45 * m, 121.8 * m],
    ["Q4 2023/24", 98.6 * m, 121.9 * m, 20.45 * m, 123.2 * m],
    ["Q1 2024/25", 112.4 * m, 150.9 * m, 28.21 * m, 135.7 * m],
    // Q2 2024/25: outturn - budget = 43,200,000 exactly, the dashboard's £43.20m.
    ["Q2 2024/25", 112.4 * m, 155.6 * m, 28.21 * m, 140.1 * m],
  ];
  const rows = quarters.map(([period, budget, outturn, goal, spend]) => {
    const byField: Record<string, TrackerValue> = {
      period,
      budget: Math.round(budget),
      forecastOutturn: Math.round(outturn),
      inYearNetPosition: Math.round(budget) - Math.round(outturn),
      goalOverspend: Math.round(goal),
      spendForAverageCost: Math.round(spend),
    };
    return sheetSpec("finance").columns.map((c) => byField[c.field] ?? null);
  });
  const headers = headersOf("finance");
  return {
    section: "finance",
    name: sheetSpec("finance").name,
    preamble: [],
    headers,
    rows,
    columnFormats: headers.map((h, i) => (i === 0 ? undefined : MONEY_FORMAT)),
    columnWidths: [14, 16, 18, 20, 18, 32],
  };
}

function placesSheet(): TrackerSheetInput {
  const rows: TrackerCellInput[][] = [];
  // Apr-23 .. Dec-24: new places open mostly in September, as new resource bases and free schools open.
  const delivered = [
    120,
    126,
    132,
    138,
    144, // Apr-23 .. Aug-23
    236,
    237,
    238,
    239, // Sep-23 .. Dec-23
    240,
    244,
    248,
    252,
    256,
    260,
    264,
    268, // Jan-24 .. Aug-24
    330,
    333,
    336,
    342, // Sep-24 .. Dec-24
  ];
  for (let i = 0; i < delivered.length; i++) {
    const y = 2023 + Math.floor((3 + i) / 12);
    const m = ((3 + i) % 12) + 1;
    const required = Math.round(220 + (180 * i) / 20); // 220 .. 400
    // Dec-24: 400 required - 342 delivered = a shortfall of 58 places.
    const filled = delivered[i] - 10 - (i % 5) * 3 - (i === 20 ? 14 : 0);
    rows.push([utcDate(y, m, 1), delivered[i], filled, required, 38_620]);
  }
  const headers = headersOf("places");
  return {
    section: "places",
    name: sheetSpec("places").name,
    preamble: [
      "Special school places (capital programme)",
      "Running totals since April 2023; cost per shortfall place is the average annual cost of an independent placement less a maintained one.",
    ],
    headers,
    rows,
    columnFormats: [MONTH_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, MONEY_FORMAT],
    columnWidths: [10, 34, 14, 16, 24],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Programmes, workstreams, milestones, risks

export const PROGRAMME_NAMES = [
  "Voice of the child and their family",
  "Improving support, skills and practice",
  "Right support at the right time",
  "Preparation for adulthood",
  "Financial assurance in our SEND system",
  "Improving communication, process and systems",
];

function programmesSheet(): TrackerSheetInput {
  return {
    section: "programmes",
    name: sheetSpec("programmes").name,
    preamble: [],
    headers: headersOf("programmes"),
    rows: PROGRAMME_NAMES.map((name, i) => [
      i + 1,
      name,
      i === 0
        ? "Further work to be done as part of developing the SEND Strategy Implementation Plan to understand what the workstreams and data are for this area."
        : null,
    ]),
    columnFormats: [undefined, undefined, undefined],
    columnWidths: [12, 46, 90],
  };
}

const ON = "Green - On Track";
const AG_OFF = "Amber / Green - Off Track";

/** [programme, workstream, RAG, lead (a role, never a person), commentary] — the dashboard's 16 workstreams. */
export const SAMPLE_WORKSTREAMS: [number, string, string, string, string][] = [
  [
    2,
    "Improved early support offer, building on the Family Hub pilot",
    ON,
    "Head of Early Help",
    "Family Hub pilot evaluated; roll-out to two more hubs agreed.",
  ],
  [
    2,
    "Improved pathway navigation to ensure early support offer is fully utilised by early years",
    ON,
    "Early Years SEND Lead",
    "Pathway published on the Local Offer; early years settings briefed.",
  ],
  [
    2,
    "Multi-agency approach to supporting schools before an EHCP is issued",
    AG_OFF,
    "Head of SEND",
    "Health partners' attendance at panels is inconsistent; escalated to the ICB.",
  ],
  [
    2,
    "New Team of Inclusion Advisors working in schools",
    ON,
    "Head of Inclusion",
    "Recruitment complete; advisors allocated to all secondary clusters.",
  ],
  [
    3,
    "Additional Secondary Resource Bases",
    ON,
    "Head of SEND Sufficiency",
    "Two bases opened in September; a third is in design.",
  ],
  [
    3,
    "Further improvements to our Resource Base model",
    ON,
    "Head of SEND Sufficiency",
    "Revised service level agreement issued to all bases.",
  ],
  [
    3,
    "Proactive approach to bringing children back into a mainstream setting",
    ON,
    "Head of SEND",
    "Reintegration reviews under way for 24 children.",
  ],
  [
    4,
    "Clear set of attractive employment options for young people with SEND, developed with employers",
    ON,
    "Preparation for Adulthood Lead",
    "Supported internship places doubled with two new employers.",
  ],
  [
    4,
    "Increase PfA capacity to allow more informed and proactive conversations about ceasing plans.",
    ON,
    "Preparation for Adulthood Lead",
    "Two PfA coordinators in post since October.",
  ],
  [
    4,
    "To increase the options, support and information in order to better prepare young people with SEND for adulthood.",
    ON,
    "Head of SEND",
    "Post-16 options guide refreshed with young people.",
  ],
  [
    5,
    "Further development of our decision-making panels and review related processes",
    ON,
    "Head of SEND Finance",
    "Panel terms of reference revised; decisions now recorded consistently.",
  ],
  [
    5,
    "Review of school SEND funding including special schools and top ups",
    ON,
    "Head of Schools Finance",
    "Top-up banding consultation closes in February.",
  ],
  [
    6,
    "Clear the EHCNA backlog and create a Tribunals Team to effectively manage the process",
    ON,
    "Head of SEND Assessment",
    "Backlog down to 41 cases; Tribunals Team fully staffed.",
  ],
  [
    6,
    "Communications strategy for communicating with parent carers",
    ON,
    "SEND Communications Lead",
    "Termly newsletter launched with the parent carer forum.",
  ],
  [
    6,
    "Early Help Hub and Advice",
    ON,
    "Head of Early Help",
    "Advice line live; call volumes monitored weekly.",
  ],
  [
    6,
    "Further integrated processes and paperwork in our system to drive efficiencies",
    ON,
    "SEND Systems Lead",
    "New case management workflow went live in November.",
  ],
];

function workstreamsSheet(): TrackerSheetInput {
  return {
    section: "workstreams",
    name: sheetSpec("workstreams").name,
    preamble: [],
    headers: headersOf("workstreams"),
    rows: SAMPLE_WORKSTREAMS.map((w) => [...w]),
    columnFormats: [undefined, undefined, undefined, undefined, undefined],
    columnWidths: [12, 70, 26, 30, 70],
  };
}

/**
 * Milestones: per programme, how many are complete (due and delivered before the reporting date) and how many are
 * on track (due after it). Matches the dashboard's "Status of Milestones Due": P3 7 and 3, P4 10, P5 10, P6 12 and 5.
 */
export const SAMPLE_MILESTONE_COUNTS: Record<number, { complete: number; onTrack: number }> = {
  2: { complete: 3, onTrack: 2 },
  3: { complete: 7, onTrack: 3 },
  4: { complete: 10, onTrack: 0 },
  5: { complete: 10, onTrack: 0 },
  6: { complete: 12, onTrack: 5 },
};

const MILESTONE_NAMES = [
  "Scope and terms of reference agreed",
  "Baseline analysis complete",
  "Parent carers consulted",
  "Business case signed off",
  "Staff recruited and in post",
  "Launched",
  "First review complete",
  "Progress reported to the SEND board",
  "Quality assurance embedded",
  "Impact evaluated",
  "Guidance published",
  "Extended to all areas",
];

function milestoneRows(): TrackerCellInput[][] {
  const rows: TrackerCellInput[][] = [];
  for (const [prog, counts] of Object.entries(SAMPLE_MILESTONE_COUNTS)) {
    const programme = Number(prog);
    const workstreams = SAMPLE_WORKSTREAMS.filter((w) => w[0] === programme).map((w) => w[1]);
    const total = counts.complete + counts.onTrack;
    for (let k = 0; k < total; k++) {
      const workstream = workstreams[k % workstreams.length];
      const name =
        MILESTONE_NAMES[k % MILESTONE_NAMES.length] + (k >= MILESTONE_NAMES.length ? " (phase 2)" : "");
      const complete = k < counts.complete;
      // Complete ones were due Feb-24 .. Nov-24 and delivered a few days early; on-track ones fall due in 2025.
      const due = complete
        ? utcDate(2024, 2 + Math.floor((k * 10) / Math.max(1, counts.complete)), 28)
        : utcDate(2025, 2 + (((k - counts.complete) * 2) % 10), 28);
      const completed = complete ? new Date(due.getTime() - (3 + ((k * 5) % 11)) * 86_400_000) : null;
      rows.push([programme, workstream, name, due, complete ? "Complete" : "On track", completed]);
    }
  }
  return rows;
}

function milestonesSheet(): TrackerSheetInput {
  return {
    section: "milestones",
    name: sheetSpec("milestones").name,
    preamble: [
      "Milestone tracker",
      "Status is Complete, On track, At risk or Overdue. Completed date is required for Complete.",
    ],
    headers: headersOf("milestones"),
    rows: milestoneRows(),
    columnFormats: [undefined, undefined, undefined, DATE_FORMAT, undefined, DATE_FORMAT],
    columnWidths: [12, 60, 80, 12, 12, 16],
  };
}

const DIRECTOR = "Director of Education and Skills";

/** [id, risk, consequence, owner, impact, likelihood, action, status, review date] */
export const SAMPLE_RISKS: [string, string, string, string, number, number, string, string, Date][] = [
  [
    "R01",
    "If growth is stronger than forecast, we will not meet our trajectory.",
    "The Council will face further financial difficulty and the DfE may withhold payments under the Safety Valve agreement",
    DIRECTOR,
    5,
    4,
    "This risk has become an issue, and so we are reforecasting the plan. This will give us a new trajectory which will then need to be monitored.",
    "Open",
    utcDate(2025, 1, 31),
  ],
  [
    "R02",
    "There is a risk that the capital programme fails to generate a reduction in INMSS placements",
    "These expensive placements will continue to increase, and drive the deficit.",
    DIRECTOR,
    4,
    4,
    "We are working to deliver the plan and ensure our revised plan has realistic mitigations in it.",
    "Open",
    utcDate(2025, 1, 31),
  ],
  [
    "R03",
    "There is a risk that we cannot recruit enough educational psychologists to complete assessments within 20 weeks",
    "Plans are issued late, families lose confidence and tribunal appeals rise.",
    "Head of SEND Assessment",
    3,
    4,
    "Use associate psychologists for the backlog and grow our own through the trainee scheme.",
    "Open",
    utcDate(2025, 2, 14),
  ],
  [
    "R04",
    "If mainstream schools do not take up the inclusion offer, requests for assessment will keep rising",
    "Demand for EHCPs grows faster than the plan assumes.",
    "Head of Inclusion",
    3,
    3,
    "Inclusion Advisors to visit every secondary school by the end of the spring term.",
    "Open",
    utcDate(2025, 2, 28),
  ],
  [
    "R05",
    "There is a risk that building cost inflation delays the new resource bases",
    "Fewer local places, so more children are placed in independent schools.",
    "Head of SEND Sufficiency",
    4,
    3,
    "Fixed-price contracts for the next two bases; contingency held in the capital programme.",
    "Open",
    utcDate(2025, 3, 14),
  ],
  [
    "R06",
    "If health partners do not commit therapy capacity, plans cannot be delivered as written",
    "Tribunal findings against the Council and higher costs of independent therapy.",
    "Head of SEND",
    3,
    2,
    "Joint commissioning agreement with the ICB to be signed by March.",
    "Open",
    utcDate(2025, 3, 31),
  ],
  [
    "R07",
    "There is a risk that the new case management system is not adopted by all teams",
    "Data quality falls and the monthly SEND figures become unreliable.",
    "SEND Systems Lead",
    2,
    3,
    "Super-users in every team and weekly data-quality reports.",
    "Open",
    utcDate(2025, 2, 7),
  ],
  [
    "R08",
    "If post-16 providers lack places, young people's plans cannot cease on time",
    "Plans stay open past 19 and the number of EHCPs stays high.",
    "Preparation for Adulthood Lead",
    3,
    3,
    "Commission supported internships and agree a post-16 place plan with colleges.",
    "Open",
    utcDate(2025, 3, 7),
  ],
  [
    "R09",
    "There is a risk that the DfE does not approve the Safety Valve variation for 2023/24",
    "The 2023/24 payment is withheld.",
    DIRECTOR,
    5,
    3,
    "Closed: the DfE confirmed the 2023/24 payment in March 2024.",
    "Closed",
    utcDate(2024, 4, 30),
  ],
];

function risksSheet(): TrackerSheetInput {
  const rows = SAMPLE_RISKS.map(
    ([id, risk, consequence, owner, impact, likelihood, action, status, review]) => [
      id,
      risk,
      consequence,
      owner,
      impact,
      likelihood,
      impact * likelihood,
      action,
      status,
      review,
    ],
  );
  const headers = headersOf("risks");
  return {
    section: "risks",
    name: sheetSpec("risks").name,
    preamble: [],
    headers,
    rows,
    columnFormats: headers.map((h, i) => (i === headers.length - 1 ? DATE_FORMAT : undefined)),
    columnWidths: [8, 60, 60, 32, 12, 16, 12, 60, 10, 14],
    tableName: "RiskRegister",
  };
}

/** The sample tracker's sheets in tab order. */
export function sampleTrackerSheets(): TrackerSheetInput[] {
  return [
    settingsSheet(),
    kpiSheet(),
    monthlySheet(),
    financeSheet(),
    placesSheet(),
    programmesSheet(),
    workstreamsSheet(),
    milestonesSheet(),
    risksSheet(),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Writing with ExcelJS

const FONT = { name: "Calibri", size: 11 };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

/** Row (1-based) of the header: below the preamble and a blank spacer row when there is a preamble. */
export const headerRowOf = (sheet: TrackerSheetInput): number =>
  sheet.preamble.length === 0 ? 1 : sheet.preamble.length + 2;

/** Writes tracker sheets into a new ExcelJS workbook, with fonts, number formats, widths and frozen headers. */
export function buildTrackerWorkbook(sheets: TrackerSheetInput[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Portfolio Summary sample generator";
  // Fixed document dates keep the file's data identical run after run.
  wb.created = utcDate(2025, 1, 7);
  wb.modified = utcDate(2025, 1, 7);
  for (const sheet of sheets) {
    const headerRow = headerRowOf(sheet);
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: "frozen", ySplit: headerRow, xSplit: 0 }],
      properties: { defaultRowHeight: 15 },
    });
    const width = sheet.headers.length;
    sheet.preamble.forEach((text, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = text;
      cell.font = i === 0 ? { ...FONT, size: 14, bold: true } : { ...FONT, italic: true };
      if (width > 1) ws.mergeCells(i + 1, 1, i + 1, width);
    });
    const plainRows = sheet.rows.map((r) => r.map((c) => (isFormatted(c) ? c.value : c)));
    if (sheet.tableName) {
      ws.addTable({
        name: sheet.tableName,
        ref: `A${headerRow}`,
        headerRow: true,
        style: { theme: "TableStyleLight9", showRowStripes: true },
        columns: sheet.headers.map((name) => ({ name, filterButton: true })),
        rows: plainRows.map((r) => r.map((v) => v ?? "")),
      });
      // ExcelJS writes "" for blanks in tables; clear them so they read back as empty cells.
      plainRows.forEach((r, ri) =>
        r.forEach((v, ci) => {
          if (v === null) ws.getCell(headerRow + 1 + ri, ci + 1).value = null;
        }),
      );
    } else {
      sheet.headers.forEach((h, c) => (ws.getCell(headerRow, c + 1).value = h));
      plainRows.forEach((r, ri) => r.forEach((v, ci) => (ws.getCell(headerRow + 1 + ri, ci + 1).value = v)));
    }
    sheet.headers.forEach((h, c) => {
      const cell = ws.getCell(headerRow, c + 1);
      cell.font = { ...FONT, bold: true };
      cell.fill = HEADER_FILL;
      cell.alignment = { vertical: "middle", wrapText: true };
    });
    sheet.rows.forEach((r, ri) =>
      r.forEach((input, ci) => {
        const cell = ws.getCell(headerRow + 1 + ri, ci + 1);
        cell.font = FONT;
        const numFmt = isFormatted(input) ? input.numFmt : sheet.columnFormats[ci];
        if (numFmt) cell.numFmt = numFmt;
        const v = isFormatted(input) ? input.value : input;
        if (typeof v === "string" && v.length > 80) cell.alignment = { wrapText: true, vertical: "top" };
      }),
    );
    sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return wb;
}

/**
 * A workbook as .xlsx bytes that are the same on every run: ExcelJS stamps each zip entry with the current time,
 * so the entries are re-zipped with a fixed time (a regenerated asset then shows no spurious change in git).
 */
export async function stableXlsxBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
  const fixed = new JSZip();
  const stamp = utcDate(2025, 1, 7);
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    fixed.file(entry.name, await entry.async("uint8array"), { date: stamp, createFolders: false });
  }
  return fixed.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
}

/** The sample tracker as .xlsx bytes. */
export async function sampleTrackerBuffer(): Promise<Buffer> {
  return stableXlsxBuffer(buildTrackerWorkbook(sampleTrackerSheets()));
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? "assets/sample-tracker.xlsx");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, await sampleTrackerBuffer());
  console.log(`Wrote ${out}`);
}

// Run only when executed as a script, not when tests import the sheet descriptions.
if (process.argv[1] && /make-sample-tracker\.[cm]?[tj]s$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
