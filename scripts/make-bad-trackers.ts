// A corpus of hostile trackers: spoilt copies of the sample tracker, each with the issues (code + cell) it must
// produce and the CLI exit status it must give, plus files that are not trackers at all. Tests build them at run
// time; run this to write them out for a look in Excel: npx tsx scripts/make-bad-trackers.ts [folder]
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SETTINGS_FIELDS, TEMPLATE, sheetSpec } from "../src/core/template";
import type { IssueCode } from "../src/core/issues";
import type { SectionId } from "../src/core/tracker";
import {
  buildTrackerWorkbook,
  headerRowOf,
  sampleTrackerBuffer,
  sampleTrackerSheets,
  stableXlsxBuffer,
  utcDate,
  DATE_FORMAT,
  SHARE_FORMAT,
  type TrackerCellInput,
  type TrackerSheetInput,
} from "./make-sample-tracker";

/** An issue a bad tracker must produce, pointed at its cell ("" where none applies, e.g. a missing sheet). */
export interface ExpectedIssue {
  code: IssueCode;
  sheet: string;
  cell: string;
}

/** What a case builds: the tracker's sheets, what it must produce, and changes only ExcelJS itself can make. */
export interface BuiltCase {
  sheets: TrackerSheetInput[];
  expect: ExpectedIssue[];
  /** Merges, hidden rows, Excel error values and the like, applied to the built workbook. */
  finish?: (wb: ExcelJS.Workbook) => void;
}

export interface BadTracker {
  /** File name stem: "<id>.xlsx". */
  id: string;
  /** What a council did to its tracker, in a sentence. */
  story: string;
  /** 0: a summary is produced (warnings allowed); 1: errors stop it. */
  exit: 0 | 1;
  build: () => BuiltCase;
  /** Too big to build for every test run: the scale test builds it once. */
  large?: boolean;
  /** Writes the .xlsx directly where building it cell by cell with ExcelJS would take too long. */
  bytes?: () => Promise<Buffer>;
}

// ---------------------------------------------------------------------------------------------------------------
// Addressing cells of the sample's sheets

const letters = (index: number): string => {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const find = (sheets: TrackerSheetInput[], section: SectionId): TrackerSheetInput => {
  const s = sheets.find((x) => x.section === section);
  if (!s) throw new Error(`No ${section} sheet in the case`);
  return s;
};

/** Column index of a template field in a sheet as it now stands (columns may have been moved). */
const colOf = (sheet: TrackerSheetInput, field: string): number => {
  const header = sheetSpec(sheet.section).columns.find((c) => c.field === field)?.header;
  const i = header === undefined ? -1 : sheet.headers.indexOf(header);
  if (i < 0) throw new Error(`No ${field} column on ${sheet.name}`);
  return i;
};

/** A1 address of data row `i` (0-based) in the column of `field`. */
const at = (sheet: TrackerSheetInput, field: string, i: number): string =>
  `${letters(colOf(sheet, field))}${headerRowOf(sheet) + 1 + i}`;

const set = (
  sheet: TrackerSheetInput,
  field: string,
  i: number,
  value: TrackerCellInput,
): ExpectedIssue[] => {
  sheet.rows[i][colOf(sheet, field)] = value;
  return [];
};

const issue = (code: IssueCode, sheet: TrackerSheetInput | string, cell: string): ExpectedIssue => ({
  code,
  sheet: typeof sheet === "string" ? sheet : sheet.name,
  cell,
});

/** Settings rows are in SETTINGS_FIELDS order: the Value cell of a setting. */
const settingRow = (field: string): number => SETTINGS_FIELDS.findIndex((f) => f.field === field);

const headerRange = (sheet: TrackerSheetInput): string =>
  `A${headerRowOf(sheet)}:${letters(sheet.headers.length - 1)}${headerRowOf(sheet)}`;

/** Removes a column (header and data) from a sheet. */
function dropColumn(sheet: TrackerSheetInput, field: string): void {
  const c = colOf(sheet, field);
  sheet.headers.splice(c, 1);
  sheet.columnFormats.splice(c, 1);
  sheet.columnWidths.splice(c, 1);
  for (const row of sheet.rows) row.splice(c, 1);
}

const sample = (): TrackerSheetInput[] => sampleTrackerSheets();

/** The monthly row index of a month ("2024-12") in the sample. */
const monthRow = (sheet: TrackerSheetInput, year: number, month: number): number => {
  const c = colOf(sheet, "month");
  const target = utcDate(year, month, 1).getTime();
  const i = sheet.rows.findIndex((r) => r[c] instanceof Date && (r[c] as Date).getTime() === target);
  if (i < 0) throw new Error(`No ${year}-${month} row`);
  return i;
};

// ---------------------------------------------------------------------------------------------------------------
// The corpus

const TEXT_32767 = "The council's SEND sufficiency strategy sets out ".repeat(700).slice(0, 32_767);

export const BAD_TRACKERS: BadTracker[] = [
  {
    id: "empty-workbook",
    story: "a new workbook with nothing in it is chosen by mistake",
    exit: 1,
    build: () => ({
      sheets: [],
      // ExcelJS cannot write a workbook without sheets, and Excel never has one: a single blank Sheet1.
      finish: (wb) => void wb.addWorksheet("Sheet1"),
      expect: TEMPLATE.filter((spec) => spec.required).map(() => issue("missing_sheet", "", "")),
    }),
  },
  {
    id: "missing-risk-register",
    story: "the risk register was moved to its own workbook",
    exit: 1,
    build: () => ({
      sheets: sample().filter((s) => s.section !== "risks"),
      expect: [issue("missing_sheet", "", "")],
    }),
  },
  {
    id: "sheets-renamed-to-aliases",
    story: "every sheet carries the council's own name, each one a known alias",
    exit: 0,
    build: () => {
      const names: Record<SectionId, string> = {
        settings: "Programme settings",
        kpis: "Headline KPIs",
        monthly: "SEND data",
        finance: "High Needs Block",
        places: "Sufficiency",
        programmes: "Programme list",
        workstreams: "Workstream status",
        milestones: "Key milestones",
        risks: "RAID",
      };
      const sheets = sample();
      for (const s of sheets) s.name = names[s.section];
      // The sample's own slip (Dec-24's typed INMSS share) is found on the renamed sheet.
      const monthly = find(sheets, "monthly");
      return {
        sheets,
        expect: [issue("typed_value_mismatch", monthly, at(monthly, "typedInmssShare", 29))],
      };
    },
  },
  {
    id: "header-under-title",
    story: "the finance sheet gained a four-line title block, and a budget not yet known reads TBC",
    exit: 0,
    build: () => {
      const sheets = sample();
      const finance = find(sheets, "finance");
      finance.preamble = ["High Needs Block", "Quarterly forecasts", "Source: finance system", "£ (pounds)"];
      set(finance, "budget", 1, "TBC");
      return { sheets, expect: [issue("not_a_number", finance, at(finance, "budget", 1))] };
    },
  },
  {
    id: "required-column-missing",
    story: "the Likelihood column of the risk register was deleted",
    exit: 1,
    build: () => {
      const sheets = sample();
      const risks = find(sheets, "risks");
      dropColumn(risks, "likelihood");
      return { sheets, expect: [issue("missing_column", risks, headerRange(risks))] };
    },
  },
  {
    id: "columns-shuffled",
    story: "the monthly columns were dragged into reverse order",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      monthly.headers.reverse();
      monthly.columnFormats.reverse();
      monthly.columnWidths.reverse();
      for (const r of monthly.rows) r.reverse();
      return {
        sheets,
        expect: [issue("typed_value_mismatch", monthly, at(monthly, "typedInmssShare", 29))],
      };
    },
  },
  {
    id: "duplicate-headers",
    story: "a second Funded EHCPs column was pasted at the end of the monthly sheet",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const c = colOf(monthly, "fundedEhcps");
      monthly.headers.push(monthly.headers[c]);
      monthly.columnFormats.push(undefined);
      monthly.columnWidths.push(12);
      for (const r of monthly.rows) r.push(r[c]);
      return {
        sheets,
        expect: [
          issue("duplicate_column", monthly, `${letters(monthly.headers.length - 1)}${headerRowOf(monthly)}`),
        ],
      };
    },
  },
  {
    id: "merged-header-cells",
    story:
      "the workstream sheet has a two-row header: Programme merged down, 'Workstream details' merged across",
    exit: 0,
    build: () => {
      const sheets = sample();
      const ws = find(sheets, "workstreams");
      set(ws, "rag", 0, "Purple");
      return {
        sheets,
        finish: (wb) => {
          const sheet = wb.getWorksheet(ws.name)!;
          sheet.spliceRows(1, 0, ["Programme", "Workstream details"]);
          sheet.getCell("A2").value = null;
          sheet.mergeCells("A1:A2");
          sheet.mergeCells("B1:E1");
        },
        // The header now spans rows 1-2, so the first data row is row 3.
        expect: [issue("unknown_rag", ws, `${letters(colOf(ws, "rag"))}3`)],
      };
    },
  },
  {
    id: "excel-errors-in-numbers",
    story: "a broken lookup left an Excel error in every numeric column of Sep-24",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const i = monthRow(monthly, 2024, 9);
      const errors = ["#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"];
      const numeric = sheetSpec("monthly").columns.filter((c) => c.field !== "month");
      const cells = numeric.map((c, k) => ({
        address: at(monthly, c.field, i),
        error: errors[k % errors.length],
      }));
      return {
        sheets,
        finish: (wb) => {
          const sheet = wb.getWorksheet(monthly.name)!;
          for (const { address, error } of cells)
            sheet.getCell(address).value = { error } as ExcelJS.CellErrorValue;
        },
        expect: cells.map((c) => issue("excel_error", monthly, c.address)),
      };
    },
  },
  {
    id: "text-in-numbers",
    story: "figures not yet known are typed as n/a, TBC and -",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const places = find(sheets, "places");
      const finance = find(sheets, "finance");
      set(monthly, "plansCeased", 5, "n/a");
      set(monthly, "ehcnaRequests", 6, "TBC");
      set(places, "filled", 3, "-");
      set(finance, "spendForAverageCost", 0, "n/a");
      return {
        sheets,
        expect: [
          issue("not_a_number", monthly, at(monthly, "plansCeased", 5)),
          issue("not_a_number", monthly, at(monthly, "ehcnaRequests", 6)),
          issue("not_a_number", places, at(places, "filled", 3)),
          issue("not_a_number", finance, at(finance, "spendForAverageCost", 0)),
        ],
      };
    },
  },
  {
    id: "numbers-as-text",
    story: "the latest month's counts were pasted from a report as text ('6,353')",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const i = monthly.rows.length - 1;
      const expect: ExpectedIssue[] = [];
      for (const field of ["fundedEhcps", "placedInInmss", "population0to25"]) {
        const v = monthly.rows[i][colOf(monthly, field)] as number;
        set(monthly, field, i, v.toLocaleString("en-GB"));
        expect.push(issue("text_looks_like_number", monthly, at(monthly, field, i)));
      }
      return { sheets, expect };
    },
  },
  {
    id: "percentages-three-ways",
    story: "the neighbour shares are typed as 0.0319 in a % cell, as '3.19%' text and as a plain 3.19",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      monthly.rows.forEach((_, i) => {
        const form = i % 3;
        set(
          monthly,
          "statNeighbourEhcpShare",
          i,
          form === 0
            ? { value: 0.0319, numFmt: SHARE_FORMAT }
            : form === 1
              ? "3.19%"
              : { value: 3.19, numFmt: "General" },
        );
      });
      return { sheets, expect: [] };
    },
  },
  {
    id: "negative-counts",
    story: "a correction was typed as a negative count of ceased plans and requests",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      set(monthly, "plansCeased", 10, -4);
      set(monthly, "ehcnaRequests", 11, "-12");
      return {
        sheets,
        expect: [
          issue("negative_count", monthly, at(monthly, "plansCeased", 10)),
          issue("negative_count", monthly, at(monthly, "ehcnaRequests", 11)),
        ],
      };
    },
  },
  {
    id: "impact-out-of-range",
    story: "risk scores of 0, 6 and 4.5 were typed on the 1-5 scale",
    exit: 0,
    build: () => {
      const sheets = sample();
      const risks = find(sheets, "risks");
      set(risks, "impact", 2, 0);
      set(risks, "likelihood", 3, 6);
      set(risks, "impact", 4, 4.5);
      return {
        sheets,
        expect: [
          issue("score_out_of_range", risks, at(risks, "impact", 2)),
          issue("score_out_of_range", risks, at(risks, "likelihood", 3)),
          issue("score_not_whole", risks, at(risks, "impact", 4)),
        ],
      };
    },
  },
  {
    id: "typed-score-disagrees",
    story: "the top risk's score was typed as 25 although impact 5 x likelihood 4 is 20",
    exit: 0,
    build: () => {
      const sheets = sample();
      const risks = find(sheets, "risks");
      set(risks, "typedScore", 0, 25);
      return { sheets, expect: [issue("score_mismatch", risks, at(risks, "typedScore", 0))] };
    },
  },
  {
    id: "duplicate-months",
    story: "Jun-23 was pasted twice",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const i = monthRow(monthly, 2023, 6);
      monthly.rows.splice(i + 1, 0, [...monthly.rows[i]]);
      return { sheets, expect: [issue("duplicate_month", monthly, at(monthly, "month", i + 1))] };
    },
  },
  {
    id: "months-out-of-order",
    story: "two months were sorted the wrong way round",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const i = monthRow(monthly, 2023, 3);
      [monthly.rows[i], monthly.rows[i + 1]] = [monthly.rows[i + 1], monthly.rows[i]];
      return { sheets, expect: [issue("months_out_of_order", monthly, at(monthly, "month", i + 1))] };
    },
  },
  {
    id: "gap-of-months",
    story: "three months (Feb-23 to Apr-23) are missing from the monthly series",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const i = monthRow(monthly, 2023, 2);
      monthly.rows.splice(i, 3);
      return { sheets, expect: [issue("missing_month", monthly, at(monthly, "month", i))] };
    },
  },
  {
    id: "future-dates",
    story:
      "dates after the reporting date 10/01/2025: a refresh date, a completed milestone and a month of actuals",
    exit: 0,
    build: () => {
      const sheets = sample();
      const settings = find(sheets, "settings");
      const milestones = find(sheets, "milestones");
      const monthly = find(sheets, "monthly");
      const r = settingRow("sendDataRefreshed");
      settings.rows[r][1] = { value: utcDate(2025, 2, 1), numFmt: DATE_FORMAT };
      const done = milestones.rows.findIndex((row) => row[colOf(milestones, "status")] === "Complete");
      set(milestones, "completedDate", done, utcDate(2025, 3, 1));
      const last = monthly.rows[monthly.rows.length - 1];
      const next = [...last];
      next[colOf(monthly, "month")] = utcDate(2025, 2, 1);
      monthly.rows.push(next);
      return {
        sheets,
        expect: [
          issue("date_after_reporting_date", settings, `B${headerRowOf(settings) + 1 + r}`),
          issue("date_after_reporting_date", milestones, at(milestones, "completedDate", done)),
          issue("date_after_reporting_date", monthly, at(monthly, "month", monthly.rows.length - 1)),
          // Jan-25 was skipped on the way to Feb-25.
          issue("missing_month", monthly, at(monthly, "month", monthly.rows.length - 1)),
        ],
      };
    },
  },
  {
    id: "dates-as-text",
    story: "due dates typed as text in every form people use, three of them not dates at all",
    exit: 0,
    build: () => {
      const sheets = sample();
      const m = find(sheets, "milestones");
      const good = [
        "7th January 2025",
        "Tuesday 7 January 2025",
        "Jan 7, 2025",
        "07.01.25",
        "2025-01-07",
        "7-1-2025",
        " 07/01/2025 ",
      ];
      good.forEach((text, i) => set(m, "dueDate", i, text));
      const bad = ["7/1", "next Tuesday", "31/02/2025"];
      const expect = bad.map((text, k) => {
        const i = good.length + k;
        set(m, "dueDate", i, text);
        return issue("unparseable_date", m, at(m, "dueDate", i));
      });
      return { sheets, expect };
    },
  },
  {
    id: "leap-1900-serial",
    story: "a due date holds Excel serial 60, the 29/02/1900 that never existed",
    exit: 0,
    build: () => {
      const sheets = sample();
      const m = find(sheets, "milestones");
      set(m, "dueDate", 2, { value: 60, numFmt: DATE_FORMAT });
      return { sheets, expect: [issue("unparseable_date", m, at(m, "dueDate", 2))] };
    },
  },
  {
    id: "rag-unknown-words",
    story: "workstream RAGs in words the scale does not have: Blue, TBC, Green/Red",
    exit: 0,
    build: () => {
      const sheets = sample();
      const ws = find(sheets, "workstreams");
      const words = ["Blue", "TBC", "Green/Red"];
      words.forEach((w, i) => set(ws, "rag", i + 1, w));
      return { sheets, expect: words.map((_, i) => issue("unknown_rag", ws, at(ws, "rag", i + 1))) };
    },
  },
  {
    id: "very-long-text",
    story: "the top risk's title and a commentary hold 32,767 characters, Excel's most",
    exit: 0,
    build: () => {
      const sheets = sample();
      set(find(sheets, "risks"), "title", 0, TEXT_32767);
      set(find(sheets, "workstreams"), "commentary", 0, TEXT_32767);
      find(sheets, "settings").rows[settingRow("ragNarrative")][1] = TEXT_32767;
      return { sheets, expect: [] };
    },
  },
  {
    id: "formula-like-text",
    story: "text that Excel would take for a formula: =, +, - and @ at the start",
    exit: 0,
    build: () => {
      const sheets = sample();
      const risks = find(sheets, "risks");
      set(risks, "title", 0, '=HYPERLINK("http://example.invalid","click")');
      set(risks, "owner", 0, "+44 20 7946 0000");
      set(risks, "action", 1, "-5 places by March");
      set(risks, "title", 1, "@risk: demand");
      find(sheets, "settings").rows[settingRow("programmeName")][1] = "=SEND Transformation";
      return { sheets, expect: [] };
    },
  },
  {
    id: "unicode-and-rtl",
    story: "names in Welsh, Urdu and Arabic, with emoji, combining accents and a zero-width joiner",
    exit: 0,
    build: () => {
      const sheets = sample();
      const risks = find(sheets, "risks");
      const ws = find(sheets, "workstreams");
      set(risks, "title", 0, "خطر: الطلب على خطط EHCP أعلى من المتوقع");
      set(risks, "owner", 0, "Cyfarwyddwr Addysg a Sgiliau – ŵ ŷ");
      set(risks, "owner", 1, "ڈائریکٹر 👩🏽‍💼");
      set(ws, "lead", 0, "Zoë Pérez (e\u0301)");
      return { sheets, expect: [] };
    },
  },
  {
    id: "hidden-rows-and-columns",
    story: "old months and the population column are hidden on the monthly sheet",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const popCol = colOf(monthly, "population0to25") + 1;
      const first = headerRowOf(monthly) + 1;
      return {
        sheets,
        finish: (wb) => {
          const sheet = wb.getWorksheet(monthly.name)!;
          for (let r = first; r < first + 12; r++) sheet.getRow(r).hidden = true;
          sheet.getColumn(popCol).hidden = true;
        },
        expect: [issue("typed_value_mismatch", monthly, at(monthly, "typedInmssShare", 29))],
      };
    },
  },
  {
    id: "thousand-empty-rows",
    story: "1,000 empty rows sit between Dec-23 and Jan-24 on the monthly sheet",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const i = monthRow(monthly, 2024, 1);
      const blank = (): TrackerCellInput[] => monthly.headers.map(() => null);
      monthly.rows.splice(i, 0, ...Array.from({ length: 1000 }, blank));
      return {
        sheets,
        expect: [issue("typed_value_mismatch", monthly, at(monthly, "typedInmssShare", 1029))],
      };
    },
  },
  {
    id: "settings-spelling",
    story: "a misspelt setting and a setting given twice",
    exit: 0,
    build: () => {
      const sheets = sample();
      const settings = find(sheets, "settings");
      settings.rows.push(["Reportng date", { value: utcDate(2025, 1, 10), numFmt: DATE_FORMAT }]);
      settings.rows.push(["Council", "Somewhere Else Council"]);
      const n = settings.rows.length;
      const row0 = headerRowOf(settings) + 1;
      return {
        sheets,
        expect: [
          issue("unknown_setting", settings, `A${row0 + n - 2}`),
          issue("duplicate_setting", settings, `A${row0 + n - 1}`),
        ],
      };
    },
  },
  {
    id: "reporting-date-missing",
    story:
      "the reporting date row was deleted from Settings (a warning: the latest date in the data stands in for it)",
    exit: 0,
    build: () => {
      const sheets = sample();
      const settings = find(sheets, "settings");
      settings.rows.splice(settingRow("reportingDate"), 1);
      // Pointed at the first free row below the list, where it can be added.
      return {
        sheets,
        expect: [issue("missing_value", settings, `A${headerRowOf(settings) + 1 + settings.rows.length}`)],
      };
    },
  },
  {
    id: "unknown-words",
    story: "a KPI, a programme and a milestone status in words the template does not know",
    exit: 0,
    build: () => {
      const sheets = sample();
      const kpis = find(sheets, "kpis");
      const ws = find(sheets, "workstreams");
      const m = find(sheets, "milestones");
      kpis.rows.push(["waiting_list", "Waiting list", 1, "", "", "", "", "", null]);
      set(ws, "programme", 3, "P9");
      set(m, "status", 4, "Done-ish");
      return {
        sheets,
        expect: [
          issue("unknown_kpi", kpis, at(kpis, "id", kpis.rows.length - 1)),
          issue("unknown_programme", ws, at(ws, "programme", 3)),
          issue("unknown_status", m, at(m, "status", 4)),
        ],
      };
    },
  },
  {
    id: "places-notes-only",
    story: "the places sheet holds only notes: no header row",
    exit: 0,
    build: () => {
      const sheets = sample();
      const places = find(sheets, "places");
      places.preamble = [];
      places.headers = ["Notes"];
      places.rows = [["Capital programme figures to follow"], ["Ask the sufficiency team"]];
      places.columnFormats = [undefined];
      places.columnWidths = [40];
      return { sheets, expect: [issue("header_not_found", places, "A1:A3")] };
    },
  },
  {
    id: "programmes-header-only",
    story: "the programme list has its header but no rows",
    exit: 0,
    build: () => {
      const sheets = sample();
      const p = find(sheets, "programmes");
      p.rows = [];
      return { sheets, expect: [issue("no_data_rows", p, "A2")] };
    },
  },
  {
    id: "shares-and-counts-wrong",
    story: "a typed share of 150%, a neighbour share typed 0.5 among 3.19s, and half a plan",
    exit: 0,
    build: () => {
      const sheets = sample();
      const monthly = find(sheets, "monthly");
      const n = monthly.rows.length;
      set(monthly, "typedEhcpShare", n - 2, "150%");
      monthly.rows.forEach((_, i) =>
        set(monthly, "statNeighbourInmssShare", i, { value: i === 3 ? 0.5 : 5.72, numFmt: "General" }),
      );
      set(monthly, "fundedEhcps", 5, 4400.5);
      return {
        sheets,
        expect: [
          issue("share_out_of_range", monthly, at(monthly, "typedEhcpShare", n - 2)),
          issue("ambiguous_percentage", monthly, at(monthly, "statNeighbourInmssShare", 3)),
          issue("not_whole_number", monthly, at(monthly, "fundedEhcps", 5)),
        ],
      };
    },
  },
  {
    id: "stale-send-data",
    story: "the SEND data were last refreshed in June, over the 45-day limit",
    exit: 0,
    build: () => {
      const sheets = sample();
      const settings = find(sheets, "settings");
      const r = settingRow("sendDataRefreshed");
      settings.rows[r][1] = { value: utcDate(2024, 6, 1), numFmt: DATE_FORMAT };
      return { sheets, expect: [issue("stale_data", settings, `B${headerRowOf(settings) + 1 + r}`)] };
    },
  },
  {
    id: "milestones-200k-rows",
    story: "a milestone log that grew to 200,000 rows",
    exit: 0,
    large: true,
    bytes: () => trackerWithManyMilestones(200_000),
    build: () => {
      const sheets = sample();
      const m = find(sheets, "milestones");
      const base = m.rows.map((r) => [...r]);
      const rows: TrackerCellInput[][] = [];
      for (let i = 0; rows.length < 200_000; i++) rows.push(base[i % base.length]);
      m.rows = rows;
      return { sheets, expect: [] };
    },
  },
];

/** A bad tracker as .xlsx bytes. */
export async function badTrackerBuffer(t: BadTracker): Promise<Buffer> {
  if (t.bytes) return t.bytes();
  const built = t.build();
  const wb = buildTrackerWorkbook(built.sheets);
  built.finish?.(wb);
  return stableXlsxBuffer(wb);
}

/**
 * The sample tracker with its milestone sheet grown to `rows` data rows (the sample's milestones over and over).
 * ExcelJS takes about a minute to build and style 200,000 rows cell by cell, so the sample's own milestone rows are
 * copied in the sheet's XML with new row numbers: same shared strings, styles and date cells, in a few seconds.
 */
export async function trackerWithManyMilestones(rows: number): Promise<Buffer> {
  const sheets = sampleTrackerSheets();
  const index = sheets.findIndex((s) => s.section === "milestones");
  const first = headerRowOf(sheets[index]) + 1;
  const zip = await JSZip.loadAsync(await buildTrackerWorkbook(sheets).xlsx.writeBuffer());
  // ExcelJS names worksheet parts by tab position.
  const part = `xl/worksheets/sheet${index + 1}.xml`;
  const xml = await zip.file(part)!.async("string");
  const templates = [...xml.matchAll(/<row r="(\d+)"[^>]*?(?<!\/)>[\s\S]*?<\/row>/g)]
    .filter((m) => Number(m[1]) >= first)
    .map((m) => m[0]);
  const start = xml.indexOf(templates[0]);
  const end = xml.indexOf("</sheetData>");
  const body: string[] = [];
  for (let k = 0; k < rows; k++) {
    const n = first + k;
    body.push(templates[k % templates.length].replace(/ r="([A-Z]*)\d+"/g, ` r="$1${n}"`));
  }
  const width = letters(sheets[index].headers.length - 1);
  const grown = (xml.slice(0, start) + body.join("") + xml.slice(end)).replace(
    /<dimension ref="[^"]*"\/>/,
    `<dimension ref="A1:${width}${first + rows - 1}"/>`,
  );
  zip.file(part, grown);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

// ---------------------------------------------------------------------------------------------------------------
// Files that are not trackers

export interface NotATracker {
  id: string;
  /** File name to give it (its extension is part of the trap). */
  fileName: string;
  story: string;
  /** Bytes of the file, or null for a path where there is no file. */
  bytes: () => Promise<Uint8Array | null>;
  /** What the one sentence must say. */
  message: RegExp;
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * A small OLE compound file (the container of .xls and of password-protected .xlsx files): the 512-byte header
 * (signature, version 3, little-endian, 512-byte sectors), a FAT sector and a directory sector naming `streams`.
 * Enough for anything that sniffs the format; no real content.
 */
export function compoundFile(streams: string[]): Uint8Array {
  const sector = 512;
  const bytes = new Uint8Array(sector * 3);
  const view = new DataView(bytes.buffer);
  bytes.set(OLE_SIGNATURE, 0);
  view.setUint16(0x18, 0x003e, true); // minor version
  view.setUint16(0x1a, 0x0003, true); // major version 3
  view.setUint16(0x1c, 0xfffe, true); // little-endian
  view.setUint16(0x1e, 9, true); // 2^9 = 512-byte sectors
  view.setUint16(0x20, 6, true); // 64-byte mini sectors
  view.setUint32(0x2c, 1, true); // one FAT sector
  view.setUint32(0x30, 1, true); // directory starts at sector 1
  view.setUint32(0x38, 0x1000, true); // mini stream cutoff
  view.setUint32(0x3c, 0xfffffffe, true); // no mini FAT
  view.setUint32(0x44, 0xfffffffe, true); // no DIFAT sectors
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0): sector 0 is the FAT itself, sector 1 the directory (end of chain).
  const fat = sector;
  for (let i = 0; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, 0xfffffffe, true);
  // Directory (sector 1): the root entry, then one 128-byte entry per stream.
  const dir = sector * 2;
  ["Root Entry", ...streams].slice(0, 4).forEach((name, i) => {
    const entry = dir + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(entry + k * 2, name.charCodeAt(k), true);
    view.setUint16(entry + 0x40, (name.length + 1) * 2, true);
    bytes[entry + 0x42] = i === 0 ? 5 : 2; // root storage / stream
    view.setUint32(entry + 0x44, 0xffffffff, true);
    view.setUint32(entry + 0x48, i + 1 < Math.min(4, streams.length + 1) && i > 0 ? i + 1 : 0xffffffff, true);
    view.setUint32(entry + 0x4c, i === 0 && streams.length > 0 ? 1 : 0xffffffff, true);
    view.setUint32(entry + 0x74, 0xfffffffe, true);
  });
  return bytes;
}

export const NOT_TRACKERS: NotATracker[] = [
  {
    id: "text-named-xlsx",
    fileName: "tracker notes.xlsx",
    story: "a text file renamed to .xlsx",
    bytes: async () => new TextEncoder().encode("Month,Funded EHCPs\nDec-24,6353\n"),
    message: /is not an Excel workbook/,
  },
  {
    id: "truncated-xlsx",
    fileName: "SEND tracker (partial download).xlsx",
    story: "the tracker cut short while copying",
    bytes: async () => {
      const full = await sampleTrackerBuffer();
      return new Uint8Array(full.subarray(0, Math.floor(full.length / 2)));
    },
    message: /damaged or incomplete|could not be opened/,
  },
  {
    id: "password-protected",
    fileName: "SEND tracker (protected).xlsx",
    story: "the tracker saved with a password to open",
    bytes: async () => compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]),
    message: /password-protected/,
  },
  {
    id: "old-xls",
    fileName: "SEND tracker 2019.xls",
    story: "an Excel 97-2003 workbook",
    bytes: async () => compoundFile(["Workbook", "\u0005SummaryInformation"]),
    message: /Excel 97-2003 \(\.xls\)/,
  },
  {
    id: "empty-file",
    fileName: "SEND tracker.xlsx",
    story: "a file of 0 bytes left by a failed save",
    bytes: async () => new Uint8Array(0),
    message: /is empty \(0 bytes\)/,
  },
  {
    id: "missing-path",
    fileName: "no such tracker.xlsx",
    story: "a path with nothing at it",
    bytes: async () => null,
    message: /There is no file at/,
  },
];

/** Writes every case (bar the large ones) and a manifest of what each must produce into `dir`. */
export async function writeCorpus(dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const manifest: Record<string, unknown> = {};
  for (const t of BAD_TRACKERS) {
    if (t.large) continue;
    const path = join(dir, `${t.id}.xlsx`);
    writeFileSync(path, await badTrackerBuffer(t));
    written.push(path);
    manifest[t.id] = { story: t.story, exit: t.exit, expect: t.build().expect };
  }
  for (const n of NOT_TRACKERS) {
    const bytes = await n.bytes();
    if (bytes === null) continue;
    const path = join(dir, `not-a-tracker-${n.id}${n.fileName.slice(n.fileName.lastIndexOf("."))}`);
    writeFileSync(path, bytes);
    written.push(path);
  }
  writeFileSync(join(dir, "expected.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}

if (process.argv[1] && /make-bad-trackers\.[cm]?[tj]s$/.test(process.argv[1])) {
  const dir = resolve(process.argv[2] ?? "tmp/bad-trackers");
  writeCorpus(dir).then(
    (files) => console.log(`Wrote ${files.length} files and expected.json to ${dir}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
