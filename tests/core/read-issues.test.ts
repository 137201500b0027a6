// Every issue code, produced from a spoilt copy of a clean tracker and checked for its code, severity and the
// exact cell, both on sheets starting at A1 and on sheets whose used range starts at C5.
import { runEngine } from "../../src/core/engine";
import { ISSUE_CODES, type IssueCode } from "../../src/core/issues";
import type { Issue, Severity } from "../../src/core/model";
import type { RawWorkbook } from "../../src/core/raw";
import { readTracker } from "../../src/core/read";
import { reportingDateFromData, reportingDateFromDataIssue } from "../../src/core/reporting-date";
import { formulaWithoutResultIssues } from "../../src/core/uncalculated";
import { validateTracker } from "../../src/core/validate";
import {
  cleanTracker,
  removeSheet,
  SAMPLE_SETTINGS,
  setCell,
  sheetOf,
  shifted,
} from "./parse/tracker-fixture";

interface Scenario {
  code: IssueCode;
  story: string;
  spoil: (raw: RawWorkbook) => void;
  severity: Severity;
  sheet: string;
  /** Address as if the sheet started at A1 ("" for none). */
  cell: string;
  message?: RegExp;
}

const deleteRow = (raw: RawWorkbook, sheet: string, index: number): void => {
  sheetOf(raw, sheet).values.splice(index, 1);
};

const SCENARIOS: Scenario[] = [
  {
    code: "not_read",
    story: "rows the live workbook's read left after a long blank run (formulas filled down) are reported",
    spoil: (raw) => {
      const sheet = sheetOf(raw, "Milestones");
      const range = shifted("A500:F900", sheet);
      raw.unread = [{ sheet: "Milestones", range, reason: "blank-rows" }];
    },
    severity: "warning",
    sheet: "Milestones",
    cell: "A500:F900",
    message:
      /^[A-Z]+\d+:[A-Z]+\d+ was not read: Excel counts these cells as used, but they come after a long run of empty rows/,
  },
  {
    code: "missing_sheet",
    story: "a workbook without a risk register cannot show key risks",
    spoil: (raw) => removeSheet(raw, "Risk Register"),
    severity: "error",
    sheet: "",
    cell: "",
    message: /no "Risk Register" sheet \(or one of: "Risks"/,
  },
  {
    code: "header_not_found",
    story: "a risk register holding only notes has no header row",
    spoil: (raw) => {
      sheetOf(raw, "Risk Register").values = [["Notes"], ["To be filled in"]];
    },
    severity: "error",
    sheet: "Risk Register",
    cell: "A1:A2",
  },
  {
    code: "missing_column",
    story: "a misspelt Likelihood header is missing, with the closest header suggested",
    spoil: (raw) => setCell(raw, "Risk Register", "F1", "Likelyhood"),
    severity: "error",
    sheet: "Risk Register",
    cell: "A1:I1",
    message: /no "Likelihood \(1-5\)" column .*Did you mean "Likelyhood"\?/,
  },
  {
    code: "duplicate_column",
    story: "a second RAG column is flagged and the first one used",
    spoil: (raw) => {
      setCell(raw, "Workstreams", "E1", "RAG");
      setCell(raw, "Workstreams", "E2", "Red");
    },
    severity: "warning",
    sheet: "Workstreams",
    cell: "E1",
    message: /two "RAG" columns \(C1 and E1\)|two "RAG" columns \(E5 and G5\)/,
  },
  {
    code: "no_data_rows",
    story: "a workstream sheet with only its header has no data rows",
    spoil: (raw) => {
      sheetOf(raw, "Workstreams").values.splice(1);
    },
    severity: "error",
    sheet: "Workstreams",
    cell: "A2",
  },
  {
    code: "not_a_number",
    story: '"TBC" in Funded EHCPs is not a number',
    spoil: (raw) => setCell(raw, "SEND Monthly", "B3", "TBC"),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "B3",
    message: /"TBC" is not a number/,
  },
  {
    code: "text_looks_like_number",
    story: '"6,166" stored as text is used, with a note',
    spoil: (raw) => setCell(raw, "SEND Monthly", "B3", "6,166"),
    severity: "info",
    sheet: "SEND Monthly",
    cell: "B3",
  },
  {
    code: "excel_error",
    story: "#N/A in the population column",
    spoil: (raw) => setCell(raw, "SEND Monthly", "D5", "#N/A"),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "D5",
    message: /#N\/A/,
  },
  {
    code: "negative_count",
    story: "a negative number of INMSS placements",
    spoil: (raw) => setCell(raw, "SEND Monthly", "F2", -3),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "F2",
  },
  {
    code: "not_whole_number",
    story: "half a plan",
    spoil: (raw) => setCell(raw, "SEND Monthly", "B2", 6059.5),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "B2",
  },
  {
    code: "score_out_of_range",
    story: "an impact of 6 is outside 1-5",
    spoil: (raw) => setCell(raw, "Risk Register", "E2", 6),
    severity: "warning",
    sheet: "Risk Register",
    cell: "E2",
  },
  {
    code: "score_not_whole",
    story: "a likelihood of 3.5",
    spoil: (raw) => setCell(raw, "Risk Register", "F3", 3.5),
    severity: "warning",
    sheet: "Risk Register",
    cell: "F3",
  },
  {
    code: "score_mismatch",
    story: "a typed score of 12 where impact 5 x likelihood 4 is 20",
    spoil: (raw) => setCell(raw, "Risk Register", "G2", 12),
    severity: "warning",
    sheet: "Risk Register",
    cell: "G2",
    message: /12 is typed, but impact 5 x likelihood 4 is 20/,
  },
  {
    code: "duplicate_month",
    story: "Oct-24 typed twice",
    spoil: (raw) => setCell(raw, "SEND Monthly", "A4", "Oct-24"),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "A4",
    message: /Oct-24 already has a row at (A3|C7)/,
  },
  {
    code: "missing_month",
    story: "no row for Oct-24",
    spoil: (raw) => deleteRow(raw, "SEND Monthly", 2),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "A3",
    message: /no row for Oct-24, between Sep-24/,
  },
  {
    code: "months_out_of_order",
    story: "Nov-24 above Oct-24",
    spoil: (raw) => {
      setCell(raw, "SEND Monthly", "A3", "Nov-24");
      setCell(raw, "SEND Monthly", "A4", "Oct-24");
    },
    severity: "info",
    sheet: "SEND Monthly",
    cell: "A4",
  },
  {
    code: "date_after_reporting_date",
    story: "SEND data refreshed after the reporting date",
    spoil: (raw) => setCell(raw, "Settings", "B5", "11/01/2025"),
    severity: "warning",
    sheet: "Settings",
    cell: "B5",
    message: /11\/01\/2025 is after the reporting date 10\/01\/2025/,
  },
  {
    code: "unparseable_date",
    story: "a due date written in words",
    spoil: (raw) => setCell(raw, "Milestones", "C2", "end of March"),
    severity: "warning",
    sheet: "Milestones",
    cell: "C2",
  },
  {
    code: "unknown_rag",
    story: "a workstream marked Purple",
    spoil: (raw) => setCell(raw, "Workstreams", "C2", "Purple"),
    severity: "warning",
    sheet: "Workstreams",
    cell: "C2",
  },
  {
    code: "stale_data",
    story: "SEND data refreshed 101 days before the reporting date, over the 45-day limit",
    spoil: (raw) => setCell(raw, "Settings", "B5", "01/10/2024"),
    severity: "warning",
    sheet: "Settings",
    cell: "B5",
    message: /101 days before the reporting date 10\/01\/2025, over the 45-day limit/,
  },
  {
    code: "share_out_of_range",
    story: "a typed share of 120%",
    spoil: (raw) => setCell(raw, "SEND Monthly", "H2", "120%"),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "H2",
  },
  {
    code: "ambiguous_percentage",
    story: "0.5 among stat-neighbour percentages typed as 3.19",
    spoil: (raw) => {
      setCell(raw, "SEND Monthly", "E2", 3.19);
      setCell(raw, "SEND Monthly", "E3", 3.19);
      setCell(raw, "SEND Monthly", "E4", 3.19);
      setCell(raw, "SEND Monthly", "E5", 0.5);
    },
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "E5",
    message: /read as 0.5%.*if you meant 50%/,
  },
  {
    code: "typed_value_mismatch",
    story: "the dashboard's 5.85% beside 354 / 6059 = 5.84%",
    spoil: (raw) => setCell(raw, "SEND Monthly", "I2", "5.85%"),
    severity: "warning",
    sheet: "SEND Monthly",
    cell: "I2",
    message: /shows 5.85%, but .*354 .* 6,059 .* is 5.84%/,
  },
  {
    code: "unknown_programme",
    story: "a programme written in words",
    spoil: (raw) => setCell(raw, "Workstreams", "A2", "Programme two"),
    severity: "warning",
    sheet: "Workstreams",
    cell: "A2",
  },
  {
    code: "unknown_kpi",
    story: "a KPI the summary does not know",
    spoil: (raw) => setCell(raw, "KPIs", "A2", "Staff morale"),
    severity: "warning",
    sheet: "KPIs",
    cell: "A2",
  },
  {
    code: "duplicate_kpi",
    story: "the EHCP count KPI given twice",
    spoil: (raw) => setCell(raw, "KPIs", "A3", "Number of EHCPs"),
    severity: "warning",
    sheet: "KPIs",
    cell: "A3",
  },
  {
    code: "missing_value",
    story: "a risk without an owner",
    spoil: (raw) => setCell(raw, "Risk Register", "D2", ""),
    severity: "warning",
    sheet: "Risk Register",
    cell: "D2",
  },
  {
    code: "unknown_setting",
    story: "a setting the summary does not know",
    spoil: (raw) => {
      setCell(raw, "Settings", "A11", "Colour scheme");
      setCell(raw, "Settings", "B11", "Blue");
    },
    severity: "info",
    sheet: "Settings",
    cell: "A11",
  },
  {
    code: "duplicate_setting",
    story: "the council named twice",
    spoil: (raw) => {
      setCell(raw, "Settings", "A11", "Local authority");
      setCell(raw, "Settings", "B11", "Another Council");
    },
    severity: "warning",
    sheet: "Settings",
    cell: "A11",
  },
  {
    code: "unknown_status",
    story: "a milestone marked Parked",
    spoil: (raw) => setCell(raw, "Milestones", "D2", "Parked"),
    severity: "warning",
    sheet: "Milestones",
    cell: "D2",
  },
  {
    code: "unrecognised_value",
    story: "a polarity of Sideways",
    spoil: (raw) => setCell(raw, "KPIs", "E2", "Sideways"),
    severity: "warning",
    sheet: "KPIs",
    cell: "E2",
  },
  {
    code: "formula_without_result",
    story: "a month's funded EHCPs written as a formula by a program that never calculated it",
    spoil: (raw) => {
      setCell(raw, "SEND Monthly", "B3", "");
      const monthly = sheetOf(raw, "SEND Monthly");
      raw.formulasWithoutResult = [
        { sheet: "SEND Monthly", cell: shifted("B3", monthly), formula: "SUM(Plans!B3:B40)" },
      ];
    },
    severity: "error",
    sheet: "SEND Monthly",
    cell: "B3",
    message:
      /SEND Monthly![A-Z]+\d+: the formula =SUM\(Plans!B3:B40\) has no saved result in the file, so the summary cannot use this figure/,
  },
  {
    code: "reporting_date_from_data",
    story: "no reporting date: the summary is as at the latest date in the data",
    spoil: (raw) => setCell(raw, "Settings", "B4", ""),
    severity: "warning",
    sheet: "Settings",
    cell: "B4",
    message:
      /summary is as at 07\/01\/2025, the latest date in the tracker's data \('SEND data last refreshed', Settings![A-Z]+\d+\)/,
  },
  {
    code: "history_sheet_full",
    story: "the history sheet has no room left below its rows for this refresh's block",
    spoil: (raw) => {
      // Laid out where the tracker's sheets are, so the warning's cell moves with them.
      const { originRow, originCol } = raw.sheets[0];
      raw.history = {
        name: "Portfolio Summary History",
        values: [["Refresh", "Refreshed at (UTC)"]],
        originRow,
        originCol,
        usedEndRow: 1_048_566 + originRow,
      };
    },
    severity: "warning",
    sheet: "Portfolio Summary History",
    cell: "A1048566",
    message: /do not fit below the 1,048,5(66|70) rows the sheet already uses \(Excel has 1,048,576\)/,
  },
];

/** The reader's and validation's issues, with the two the engine adds from the tracker as read. */
function issuesOf(raw: RawWorkbook): Issue[] {
  const { tracker, issues } = readTracker(raw);
  const formulas = formulaWithoutResultIssues(tracker, issues, raw.formulasWithoutResult ?? []);
  const fromData = tracker.settings.reportingDate.value === null ? reportingDateFromData(tracker) : null;
  return [
    ...formulas.readIssues,
    ...formulas.issues,
    ...validateTracker(tracker, SAMPLE_SETTINGS),
    ...(fromData ? [reportingDateFromDataIssue(tracker, fromData)] : []),
    // The one the history adds, where the workbook has a history sheet.
    ...(raw.history ? runEngine(raw).issues.filter((i) => i.code === "history_sheet_full") : []),
  ];
}

describe("the clean tracker", () => {
  it.each([
    ["at A1", { originRow: 0, originCol: 0 }],
    ["at C5", { originRow: 4, originCol: 2 }],
  ])("raises no issue with its sheets %s", (_, origin) => {
    expect(issuesOf(cleanTracker(origin))).toEqual([]);
  });
});

describe.each([
  ["sheets at A1", { originRow: 0, originCol: 0 }],
  ["used ranges starting at C5", { originRow: 4, originCol: 2 }],
])("every issue points at its cell (%s)", (_, origin) => {
  it.each(SCENARIOS.map((s) => [s.code, s.story, s] as const))("%s: %s", (code, __, s) => {
    const raw = cleanTracker(origin);
    s.spoil(raw);
    const found = issuesOf(raw).filter((i) => i.code === code);
    expect(found).toHaveLength(1);
    const [issue] = found;
    expect(issue).toMatchObject({ severity: s.severity, sheet: s.sheet, cell: shifted(s.cell, origin) });
    if (s.message) expect(issue.message).toMatch(s.message);
    // Messages end with what to do, in the table's words.
    expect(issue.message).toContain(ISSUE_CODES[code].fix);
  });
});

describe("the issue-code table", () => {
  it("has a scenario above for every code", () => {
    const covered = new Set(SCENARIOS.map((s) => s.code));
    expect(Object.keys(ISSUE_CODES).filter((c) => !covered.has(c as IssueCode))).toEqual([]);
  });

  it("keeps 'error' for problems that stop a section being computed", () => {
    const errors = Object.entries(ISSUE_CODES)
      .filter(([, spec]) => spec.severity === "error")
      .map(([code]) => code)
      .sort();
    // A formula without a saved result is an error because the figure it stands for is unknown, not empty.
    expect(errors).toEqual([
      "formula_without_result",
      "header_not_found",
      "missing_column",
      "missing_sheet",
      "no_data_rows",
    ]);
  });
});
