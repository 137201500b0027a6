// Builds tests/fixtures/layouts/*.xlsx: the sample tracker's data laid out the way councils' own workbooks are
// (months across the columns; one workstream sheet per programme; a renamed risk register in an Excel table beside
// another table), each with the column mapping that reads it, so every layout must give the sample's figures.
// Run: npx tsx scripts/make-layout-fixtures.ts [output folder]
import type ExcelJS from "exceljs";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { mappingJson, type TrackerMapping } from "../src/core/mapping/format";
import { sheetSpec } from "../src/core/template";
import type { SectionId } from "../src/core/tracker";
import {
  buildTrackerWorkbook,
  isFormatted,
  PROGRAMME_NAMES,
  sampleTrackerSheets,
  stableXlsxBuffer,
  type TrackerCellInput,
  type TrackerSheetInput,
} from "./make-sample-tracker";

export interface LayoutFixture {
  /** File name without extension: <name>.xlsx and <name>.mapping.json. */
  name: string;
  description: string;
  workbook: ExcelJS.Workbook;
  mapping: TrackerMapping;
}

const without = (sheets: TrackerSheetInput[], ...sections: SectionId[]): TrackerSheetInput[] =>
  sheets.filter((s) => !sections.includes(s.section));

const sheetOf = (sheets: TrackerSheetInput[], section: SectionId): TrackerSheetInput =>
  sheets.find((s) => s.section === section)!;

/** The council's own labels for some measures: what a mapping is for. The rest keep the template's words. */
const MONTHLY_LABELS: Record<string, string> = {
  fundedEhcps: "EHCPs (funded)",
  forecastEhcps: "Safety Valve trajectory",
  population0to25: "ONS population aged 0-25",
  placedInInmss: "Children in independent special schools",
  plansCeased: "EHCPs ceased in month",
};

/** Month header text as councils type it: "Apr-22". */
function monthLabel(d: Date): string {
  const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${names[d.getUTCMonth()]}-${String(d.getUTCFullYear()).slice(2)}`;
}

/** (a) The SEND monthly data turned round: one row per measure, one column per month. */
function monthsAcross(): LayoutFixture {
  const sheets = sampleTrackerSheets();
  const monthly = sheetOf(sheets, "monthly");
  const columns = sheetSpec("monthly").columns;
  const monthIndex = columns.findIndex((c) => c.field === "month");
  const months = monthly.rows.map((r) => r[monthIndex] as Date);
  const measures = columns.filter((c) => c.field !== "month");
  const rows: TrackerCellInput[][] = measures.map((m) => {
    const i = columns.indexOf(m);
    const fmt = monthly.columnFormats[i];
    return [
      MONTHLY_LABELS[m.field] ?? m.header,
      ...monthly.rows.map((r): TrackerCellInput => {
        const v = isFormatted(r[i]) ? r[i].value : r[i];
        return fmt && v !== null ? { value: v, numFmt: fmt } : v;
      }),
    ];
  });
  const across: TrackerSheetInput = {
    section: "monthly",
    name: "Monthly Dashboard Data",
    preamble: ["SEND monthly data, month-end figures"],
    headers: ["Measure", ...months.map(monthLabel)],
    rows,
    columnFormats: [],
    columnWidths: [36, ...months.map(() => 9)],
  };
  const ordered = sheets.map((s) => (s.section === "monthly" ? across : s));
  const mapping: TrackerMapping = {
    version: 1,
    sections: {
      monthly: {
        source: { sheet: across.name },
        layout: "months_across",
        headerRow: 3,
        labelColumn: "A",
        columns: { ...MONTHLY_LABELS },
      },
    },
  };
  return {
    name: "months-across",
    description:
      "Monthly SEND data with measures down the rows and one column per month (Apr-22 ... Dec-24).",
    workbook: buildTrackerWorkbook(ordered),
    mapping,
  };
}

/** Where each programme's workstream sheet says which programme it is: mostly the tab name, once a title cell. */
const PROGRAMME_SHEET_NAMES: Record<number, string> = {
  2: "P2 Workstreams",
  3: "P3 Workstreams",
  4: "Adulthood",
  5: "P5 Workstreams",
  6: "P6 Workstreams",
};

/** (b) Workstreams on one sheet per programme, without a programme column, headers in the council's words. */
function perProgramme(): LayoutFixture {
  const sheets = sampleTrackerSheets();
  const ws = sheetOf(sheets, "workstreams");
  const perSheet: TrackerSheetInput[] = [];
  for (const [prog, name] of Object.entries(PROGRAMME_SHEET_NAMES)) {
    const number = Number(prog);
    const rows = ws.rows.filter((r) => r[0] === number).map((r) => r.slice(1));
    perSheet.push({
      section: "workstreams",
      name,
      // The tab "Adulthood" does not say its programme; its title cell does.
      preamble: [`Programme ${number} - ${PROGRAMME_NAMES[number - 1]}`],
      headers: ["Project", "Delivery status", "Lead officer", "Latest update"],
      rows,
      columnFormats: [undefined, undefined, undefined, undefined],
      columnWidths: [70, 26, 30, 70],
    });
  }
  const index = sheets.findIndex((s) => s.section === "workstreams");
  const ordered = [...sheets.slice(0, index), ...perSheet, ...sheets.slice(index + 1)];
  const mapping: TrackerMapping = {
    version: 1,
    sections: {
      workstreams: {
        source: { perProgrammeSheets: Object.values(PROGRAMME_SHEET_NAMES).map((sheet) => ({ sheet })) },
        columns: {
          name: "Project",
          rag: "Delivery status",
          lead: "Lead officer",
          commentary: "Latest update",
        },
      },
    },
  };
  return {
    name: "per-programme",
    description:
      "Workstreams on one sheet per programme (P2 ... P6), the programme taken from the tab name or the title cell.",
    workbook: buildTrackerWorkbook(ordered),
    mapping,
  };
}

/** The council's risk register columns: [header, template field]. */
const RISK_COLUMNS: [string, string][] = [
  ["Ref", "id"],
  ["Risk lead", "owner"],
  ["Risk description", "title"],
  ["Consequence", "consequence"],
  ["Probability", "likelihood"],
  ["Severity", "impact"],
  ["Risk rating", "typedScore"],
  ["Mitigation", "action"],
  ["Open/closed", "status"],
  ["Next review", "reviewDate"],
];

/** (c) A "Governance" sheet holding two Excel tables: the programme list, and the risk register in its own words. */
function riskTable(): LayoutFixture {
  const sheets = sampleTrackerSheets();
  const programmes = sheetOf(sheets, "programmes");
  const risks = sheetOf(sheets, "risks");
  const riskFields = sheetSpec("risks").columns.map((c) => c.field);
  const workbook = buildTrackerWorkbook(without(sheets, "programmes", "risks"));
  const ws = workbook.addWorksheet("Governance");
  ws.getCell("A1").value = "Programme governance";
  ws.getCell("A1").font = { bold: true, size: 14 };
  const plain = (c: TrackerCellInput) => (isFormatted(c) ? c.value : c);
  ws.addTable({
    name: "tblProgrammes",
    ref: "A3",
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: programmes.headers.map((name) => ({ name, filterButton: true })),
    rows: programmes.rows.map((r) => r.map((c) => plain(c) ?? "")),
  });
  // Clear the blanks ExcelJS writes as "" so they read back as empty cells.
  programmes.rows.forEach((r, ri) =>
    r.forEach((c, ci) => {
      if (plain(c) === null) ws.getCell(4 + ri, 1 + ci).value = null;
    }),
  );
  const riskTop = 4 + programmes.rows.length + 3;
  ws.getCell(riskTop - 1, 1).value = "SEND programme risks";
  ws.addTable({
    name: "tblSENDRisks",
    ref: `A${riskTop}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: RISK_COLUMNS.map(([name]) => ({ name, filterButton: true })),
    rows: risks.rows.map((r) => RISK_COLUMNS.map(([, field]) => plain(r[riskFields.indexOf(field)]) ?? "")),
  });
  for (let i = 0; i < risks.rows.length; i++)
    ws.getCell(riskTop + 1 + i, RISK_COLUMNS.length).numFmt = "dd/mm/yyyy";
  ws.columns.forEach((c, i) => (c.width = [8, 32, 60, 60, 12, 10, 12, 60, 12, 12][i] ?? 12));
  const mapping: TrackerMapping = {
    version: 1,
    sections: {
      programmes: { source: { table: "tblProgrammes" } },
      risks: {
        source: { table: "tblSENDRisks" },
        columns: Object.fromEntries(RISK_COLUMNS.map(([header, field]) => [field, header])),
      },
    },
  };
  return {
    name: "risk-table",
    description:
      'A "Governance" sheet with two Excel tables: tblProgrammes, and the risk register tblSENDRisks (Probability, Severity, Consequence, Mitigation, Risk lead).',
    workbook,
    mapping,
  };
}

/** Every layout fixture, in a fixed order. */
export function layoutFixtures(): LayoutFixture[] {
  return [monthsAcross(), perProgramme(), riskTable()];
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? "tests/fixtures/layouts");
  mkdirSync(out, { recursive: true });
  for (const f of layoutFixtures()) {
    writeFileSync(join(out, `${f.name}.xlsx`), await stableXlsxBuffer(f.workbook));
    writeFileSync(join(out, `${f.name}.mapping.json`), mappingJson(f.mapping));
    console.log(`Wrote ${f.name}.xlsx and ${f.name}.mapping.json: ${f.description}`);
  }
}

// Run only when executed as a script, not when tests import the fixture descriptions.
if (process.argv[1] && /make-layout-fixtures\.[cm]?[tj]s$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
