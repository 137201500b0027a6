// The history sheet's rows, both ways: a refresh's snapshot becomes one block of rows (one row per figure), and the
// rows a workbook holds become snapshots again. The columns are declared once here; the layout gives them their
// widths and number formats (src/layout/history-sheet.ts), the renderers write them, and the reader finds them by
// their headers, so a person may sort, filter or add a column of their own without breaking the history.
import { isBlank, textOf, type RawCell, type RawSheet } from "../raw";
import { dateToSerial, excelSerial, serialToIsoDateTime } from "../serial";
import { parseDate } from "../parse/dates";
import { MILESTONE_STATUS_WORDS, SEVERITY_NAMES, STATUS_WORDS, issueLocation } from "../wording";
import {
  RAG_SCALE,
  type HistorySnapshot,
  type KpiId,
  type KpiStatus,
  type KpiUnit,
  type MilestoneStatus,
  type RagGrade,
  type Severity,
} from "../model";

export const HISTORY_SHEET_NAME = "Portfolio Summary History";

export type HistoryColumnKey =
  | "refresh"
  | "refreshedAt"
  | "reportingDate"
  | "sendDataAsAt"
  | "financeDataAsAt"
  | "kind"
  | "programme"
  | "id"
  | "label"
  | "value"
  | "target"
  | "variance"
  | "status"
  | "rag"
  | "detail";

/** The history sheet's columns, left to right; the header row is read by these words. */
export const HISTORY_COLUMNS: readonly { key: HistoryColumnKey; header: string }[] = [
  { key: "refresh", header: "Refresh" },
  { key: "refreshedAt", header: "Refreshed at (UTC)" },
  { key: "reportingDate", header: "Reporting date" },
  { key: "sendDataAsAt", header: "SEND data as at" },
  { key: "financeDataAsAt", header: "Finance data as at" },
  { key: "kind", header: "Kind" },
  { key: "programme", header: "Programme" },
  { key: "id", header: "Id" },
  { key: "label", header: "Figure" },
  { key: "value", header: "Value" },
  { key: "target", header: "Target" },
  { key: "variance", header: "Variance" },
  { key: "status", header: "Status" },
  { key: "rag", header: "RAG" },
  { key: "detail", header: "Detail" },
];

/** What a row records, as the Kind column says it. */
export const HISTORY_KINDS = {
  overall: "Overall RAG",
  kpi: "KPI",
  workstream: "Workstream",
  milestone: "Milestone",
  risk: "Key risk",
  issue: "Data problem",
} as const;
export type HistoryKind = keyof typeof HISTORY_KINDS;

/**
 * Data problems recorded per refresh at most: enough for any tracker a person keeps tidy, and a bound on the
 * block a very untidy one adds (five years of monthly refreshes stay far inside Excel's rows and 5 MB requests).
 */
const MAX_RECORDED_ISSUES = 200;

/** One row of the sheet: cells in HISTORY_COLUMNS order, plus the kind of row (for its number formats). */
export interface HistoryRow {
  kind: HistoryKind;
  /** The unit of the value, target and variance cells, where they hold a figure. */
  unit: KpiUnit | "score" | null;
  cells: RawCell[];
}

const serialOrBlank = (iso: string | null): RawCell => (iso ? (excelSerial(iso) ?? iso) : "");
const numberOrBlank = (n: number | null | undefined): RawCell =>
  typeof n === "number" && Number.isFinite(n) ? n : "";

/** The rows one refresh appends to the history sheet, in the order a person reads them. */
export function historyRows(snapshot: HistorySnapshot): HistoryRow[] {
  const when = (): RawCell[] => [
    snapshot.refresh,
    dateToSerial(new Date(snapshot.refreshedAt)),
    serialOrBlank(snapshot.reportingDate),
    serialOrBlank(snapshot.sendDataAsAt),
    serialOrBlank(snapshot.financeDataAsAt),
  ];
  const row = (
    kind: HistoryKind,
    unit: HistoryRow["unit"],
    // programme, id, figure, value, target, variance, status, RAG, detail
    rest: [RawCell, RawCell, RawCell, RawCell, RawCell, RawCell, RawCell, RawCell, RawCell],
  ): HistoryRow => ({ kind, unit, cells: [...when(), HISTORY_KINDS[kind], ...rest] });

  const rows: HistoryRow[] = [
    row("overall", null, [
      "",
      "overall_rag",
      "Overall RAG",
      snapshot.overallRag.text,
      "",
      "",
      "",
      snapshot.overallRag.grade ?? "",
      "",
    ]),
  ];
  for (const k of snapshot.kpis)
    rows.push(
      row("kpi", k.unit, [
        "",
        k.id,
        k.label,
        numberOrBlank(k.value),
        numberOrBlank(k.target),
        numberOrBlank(k.variance),
        k.status ? STATUS_WORDS[k.status] : "",
        "",
        k.unit,
      ]),
    );
  for (const w of snapshot.workstreams)
    rows.push(
      row("workstream", null, [
        numberOrBlank(w.programme),
        "",
        w.name,
        w.text,
        "",
        "",
        "",
        w.grade ?? "",
        "",
      ]),
    );
  for (const m of snapshot.milestones)
    rows.push(
      row("milestone", null, [
        numberOrBlank(m.programme),
        m.workstream,
        m.name,
        "",
        "",
        "",
        m.status ? MILESTONE_STATUS_WORDS[m.status] : "",
        "",
        "",
      ]),
    );
  for (const r of snapshot.keyRisks)
    rows.push(
      row("risk", "score", ["", r.id, r.title, r.score, "", "", "", "", `${r.impact} x ${r.likelihood}`]),
    );
  for (const i of snapshot.issues.slice(0, MAX_RECORDED_ISSUES))
    rows.push(
      row("issue", null, [
        "",
        i.code,
        i.message,
        "",
        "",
        "",
        SEVERITY_NAMES[i.severity].column,
        "",
        issueLocation(i, "plain"),
      ]),
    );
  return rows;
}

/** The header row the sheet starts with. */
export const historyHeader = (): string[] => HISTORY_COLUMNS.map((c) => c.header);

// ---------------------------------------------------------------------------------------------------------------
// Reading the sheet back

const reverse = <T extends string>(words: Record<T, string>): Map<string, T> =>
  new Map(Object.entries(words).map(([k, v]) => [(v as string).toLowerCase(), k as T]));
const KIND_OF = reverse(HISTORY_KINDS as Record<HistoryKind, string>);
const KPI_STATUS_OF = reverse<KpiStatus>(STATUS_WORDS);
const MILESTONE_OF = reverse<MilestoneStatus>(MILESTONE_STATUS_WORDS);
const SEVERITY_OF = new Map(
  (Object.keys(SEVERITY_NAMES) as Severity[]).map((s) => [SEVERITY_NAMES[s].column.toLowerCase(), s]),
);
const KPI_IDS: readonly KpiId[] = ["ehcp_count", "hnb_overspend", "inmss_share"];
const KPI_UNITS: readonly KpiUnit[] = ["count", "money", "share"];

const gradeOf = (v: RawCell | undefined): RagGrade | null =>
  (RAG_SCALE as readonly string[]).includes(textOf(v)) ? (textOf(v) as RagGrade) : null;
const numberOf = (v: RawCell | undefined): number | null =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
const dateOf = (v: RawCell | undefined): string | null => {
  if (v === undefined || isBlank(v)) return null;
  const parsed = parseDate(v);
  return parsed.ok ? parsed.value : null;
};
const dateTimeOf = (v: RawCell | undefined): string | null => {
  if (typeof v === "number") return serialToIsoDateTime(v);
  const text = textOf(v);
  return text && !Number.isNaN(Date.parse(text)) ? new Date(text).toISOString() : null;
};

/** "Risk Register!G9" -> its sheet and cell; "(workbook)" -> neither (the plain form of issueLocation). */
function placeOf(text: string): { sheet: string; cell: string } {
  if (text === issueLocation({ sheet: "", cell: "" }, "plain")) return { sheet: "", cell: "" };
  const at = text.lastIndexOf("!");
  if (at > 0 && /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(text.slice(at + 1)))
    return { sheet: text.slice(0, at), cell: text.slice(at + 1) };
  return { sheet: text, cell: "" };
}

/** The columns a history sheet cannot do without. */
const REQUIRED: readonly HistoryColumnKey[] = ["refresh", "refreshedAt", "kind", "label"];

export interface ReadHistoryResult {
  /** Every refresh recorded, oldest first. */
  snapshots: HistorySnapshot[];
  /** Rows that could not be read (their block is read without them). */
  skippedRows: number;
}

/**
 * Reads the history sheet: finds its header row (the first row naming the Refresh, Kind and Figure columns),
 * then groups the rows by refresh. A sheet without that header is no history at all: it starts again.
 */
export function readHistorySheet(sheet: RawSheet | undefined): ReadHistoryResult {
  const empty = { snapshots: [], skippedRows: 0 };
  if (!sheet) return empty;
  const needed = HISTORY_COLUMNS.filter((c) => REQUIRED.includes(c.key)).map((c) => c.header.toLowerCase());
  const headerAt = sheet.values.findIndex((row) => {
    const texts = row.map((v) => textOf(v).toLowerCase());
    return needed.every((h) => texts.includes(h));
  });
  if (headerAt < 0) return empty;
  const headers = sheet.values[headerAt].map((v) => textOf(v).toLowerCase());
  const col = Object.fromEntries(
    HISTORY_COLUMNS.map((c) => [c.key, headers.indexOf(c.header.toLowerCase())]),
  ) as Record<HistoryColumnKey, number>;
  const cell = (row: RawCell[], key: HistoryColumnKey): RawCell | undefined =>
    col[key] >= 0 ? row[col[key]] : undefined;

  const byRefresh = new Map<number, HistorySnapshot>();
  let skippedRows = 0;
  for (const row of sheet.values.slice(headerAt + 1)) {
    if (row.every((v) => isBlank(v))) continue;
    const refresh = numberOf(cell(row, "refresh"));
    const kind = KIND_OF.get(textOf(cell(row, "kind")).toLowerCase());
    const refreshedAt = dateTimeOf(cell(row, "refreshedAt"));
    if (refresh === null || !Number.isInteger(refresh) || refresh < 1 || !kind || !refreshedAt) {
      skippedRows++;
      continue;
    }
    let snap = byRefresh.get(refresh);
    if (!snap) {
      snap = {
        refresh,
        refreshedAt,
        reportingDate: dateOf(cell(row, "reportingDate")),
        sendDataAsAt: dateOf(cell(row, "sendDataAsAt")),
        financeDataAsAt: dateOf(cell(row, "financeDataAsAt")),
        overallRag: { grade: null, text: "" },
        kpis: [],
        workstreams: [],
        milestones: [],
        keyRisks: [],
        issues: [],
      };
      byRefresh.set(refresh, snap);
    }
    const id = textOf(cell(row, "id"));
    const label = textOf(cell(row, "label"));
    const value = cell(row, "value");
    const programme = numberOf(cell(row, "programme"));
    const status = textOf(cell(row, "status")).toLowerCase();
    const detail = textOf(cell(row, "detail"));
    switch (kind) {
      case "overall":
        snap.overallRag = { grade: gradeOf(cell(row, "rag")), text: textOf(value) };
        break;
      case "kpi": {
        const kpiId = KPI_IDS.find((k) => k === id);
        if (!kpiId) {
          skippedRows++;
          break;
        }
        snap.kpis.push({
          id: kpiId,
          label,
          unit: KPI_UNITS.find((u) => u === detail) ?? "count",
          value: numberOf(value),
          target: numberOf(cell(row, "target")),
          variance: numberOf(cell(row, "variance")),
          status: KPI_STATUS_OF.get(status) ?? null,
        });
        break;
      }
      case "workstream":
        snap.workstreams.push({
          programme,
          name: label,
          grade: gradeOf(cell(row, "rag")),
          text: textOf(value),
        });
        break;
      case "milestone":
        snap.milestones.push({
          programme,
          workstream: id,
          name: label,
          status: MILESTONE_OF.get(status) ?? null,
        });
        break;
      case "risk": {
        const score = numberOf(value);
        const parts = /(\d+)\s*x\s*(\d+)/i.exec(detail);
        if (score === null) {
          skippedRows++;
          break;
        }
        snap.keyRisks.push({
          id,
          title: label,
          score,
          impact: parts ? Number(parts[1]) : 0,
          likelihood: parts ? Number(parts[2]) : 0,
        });
        break;
      }
      case "issue":
        snap.issues.push({
          severity: SEVERITY_OF.get(status) ?? "info",
          code: id,
          message: label,
          ...placeOf(detail),
        });
        break;
    }
  }
  const snapshots = [...byRefresh.values()].sort((a, b) => a.refresh - b.refresh);
  return { snapshots, skippedRows };
}
