// The CLI's outputs: the summary as JSON and as a Portfolio Summary workbook, written so a failed write never
// leaves a half-written file in place of a good one.
import { mkdir, rename, unlink, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { HistorySnapshot, PortfolioSummary } from "../core/model";
import { planSheets } from "../layout";
import { writePlanXlsx } from "../xlsx/write";

/** Turns a summary into .xlsx bytes. The one seam between the CLI and the layout + renderer. */
export type SummaryWorkbookWriter = (
  summary: PortfolioSummary,
  options?: { recorded?: readonly HistorySnapshot[] },
) => Promise<Uint8Array>;

/**
 * The Portfolio Summary sheet and its chart data, laid out by src/layout and drawn by the ExcelJS renderer, and the
 * history sheet: the refreshes recorded before (`recorded`) and this one.
 */
export const writeSummaryWorkbook: SummaryWorkbookWriter = (summary, options = {}) =>
  writePlanXlsx(planSheets(summary, { recorded: options.recorded }), { creator: "Portfolio Summary CLI" });

export function summaryJson(summary: PortfolioSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** An output that could not be written; the message says which file and what to do. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputError";
  }
}

/** Writes to a temporary file beside the target, then renames it over the target. */
export async function writeFileAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const target = resolve(path);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EBUSY" || code === "EPERM" || code === "EACCES")
      throw new OutputError(
        `Could not write "${path}": it is open in another program or the folder is read-only; close it and try again.`,
      );
    throw new OutputError(
      `Could not write "${path}" (${code ?? "unknown error"}): check the folder exists and has space.`,
    );
  }
}
