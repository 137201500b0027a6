// How the add-in's runtimes reach Excel: Excel.run, waiting while the user is editing a cell rather than failing
// with InvalidOperationInCellEditMode (the delayForCellEdit option, documented with Excel.run in @types/office-js).
import type { ExcelRunner } from "./api";

/** The part of the Excel namespace the runner uses (office.js's, or the in-memory Excel's in tests). */
export interface ExcelRunHost {
  run<T>(
    options: { delayForCellEdit?: boolean },
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

export function officeRunner(excel: ExcelRunHost = Excel as unknown as ExcelRunHost): ExcelRunner {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}
