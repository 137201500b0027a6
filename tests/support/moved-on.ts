// The sample tracker moved on one month, for the history tests: a new month row (Jan-25), the reporting and data
// dates a month later, one workstream Green -> Amber, risk R01 rescored 5 x 4 = 20 -> 4 x 4 = 16, one milestone
// completed, and one more data problem (the new row's typed INMSS share disagrees with 360 / 6,396).
import type { RawCell, RawWorkbook } from "../../src/core/raw";

/** What the moved-on copy changes, for the tests to expect exactly that. */
export const MOVED_ON = {
  reportingDate: "2025-02-10",
  workstream: "Improved early support offer, building on the Family Hub pilot",
  workstreamRag: "Amber - Off Track",
  risk: "R01",
  milestone: "Business case signed off",
  milestoneWorkstream: "New Team of Inclusion Advisors working in schools",
  newProblemCell: "O38",
  ehcps: 6400,
} as const;

/** Serials of the dates the copy uses. */
const FEB_10_2025 = 45698;
const FEB_07_2025 = 45695;
const FEB_03_2025 = 45691;
const JAN_2025 = 45658;

type Edit = (values: RawCell[][]) => void;

function setWhere(
  values: RawCell[][],
  match: (row: RawCell[]) => boolean,
  edit: (row: RawCell[]) => void,
): void {
  const row = values.find(match);
  if (!row) throw new Error("The sample no longer has the row this copy moves on");
  edit(row);
}

const EDITS: Record<string, Edit> = {
  Settings: (v) => {
    setWhere(
      v,
      (r) => r[0] === "Reporting date",
      (r) => (r[1] = FEB_10_2025),
    );
    setWhere(
      v,
      (r) => r[0] === "SEND data last refreshed",
      (r) => (r[1] = FEB_07_2025),
    );
  },
  KPIs: (v) =>
    setWhere(
      v,
      (r) => r[0] === "ehcp_count",
      (r) => {
        r[7] = MOVED_ON.ehcps;
        r[8] = FEB_07_2025;
      },
    ),
  "SEND Monthly": (v) => {
    // 6,396 / 166,500 = 3.84%, typed right; 360 / 6,396 = 5.63%, typed 6.00%: the one new data problem.
    v.push([JAN_2025, 6396, 5745, 166500, 0.0319, 360, 0.0572, 34, 130, 80, 118, 55, 95, 0.0384, 0.06]);
  },
  Workstreams: (v) =>
    setWhere(
      v,
      (r) => r[1] === MOVED_ON.workstream,
      (r) => (r[2] = MOVED_ON.workstreamRag),
    ),
  Milestones: (v) =>
    setWhere(
      v,
      (r) => r[1] === MOVED_ON.milestoneWorkstream && r[2] === MOVED_ON.milestone,
      (r) => {
        r[4] = "Complete";
        r[5] = FEB_03_2025;
      },
    ),
  "Risk Register": (v) =>
    setWhere(
      v,
      (r) => r[0] === MOVED_ON.risk,
      (r) => {
        r[4] = 4;
        r[6] = 16;
      },
    ),
};

/** A copy of the sample moved on one month (the input is not changed). */
export function movedOnOneMonth(sample: RawWorkbook): RawWorkbook {
  return {
    ...sample,
    sheets: sample.sheets.map((sheet) => {
      const edit = EDITS[sheet.name];
      if (!edit) return sheet;
      const values = sheet.values.map((r) => [...r]);
      const numberFormats = sheet.numberFormats?.map((r) => [...r]);
      edit(values);
      if (numberFormats)
        while (numberFormats.length < values.length)
          numberFormats.push([...numberFormats[numberFormats.length - 1]]);
      return { ...sheet, values, numberFormats };
    }),
  };
}

/** A raw workbook as .xlsx bytes (values and number formats), as a person saving it from Excel would have it. */
export async function rawToXlsx(raw: RawWorkbook): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  for (const sheet of raw.sheets) {
    const ws = book.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "") return;
        const cell = ws.getCell(sheet.originRow + r + 1, sheet.originCol + c + 1);
        cell.value = v;
        const format = sheet.numberFormats?.[r]?.[c];
        if (format && format !== "General") cell.numFmt = format;
      }),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
