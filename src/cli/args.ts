// Command-line arguments of `npm run summary`: parsed into options, or a plain sentence saying what is wrong.
import type { BaselineChoice } from "../core/model";
import { parseDate } from "../core/parse/dates";

export interface CliOptions {
  trackerPath: string;
  jsonPath: string | null;
  outPath: string | null;
  quiet: boolean;
  /** A column mapping (JSON) to read the tracker through, over any mapping saved in the workbook. */
  mappingPath?: string;
  /** Notes (JSON) laid over those on the tracker's notes sheet: explanations and acknowledged queries. */
  notesPath?: string;
  /** Print the best-guess column mapping as JSON instead of summarising. */
  suggestMapping?: boolean;
  /** A workbook holding the history sheet (a previous --out) to compare with and keep. */
  historyPath?: string;
  /** A previous --json to compare with. */
  previousPath?: string;
  /** Which earlier report "Since last report" compares with, when not the last report before this one. */
  baseline?: BaselineChoice;
}

export type ParsedArgs =
  { kind: "run"; options: CliOptions } | { kind: "help" } | { kind: "error"; message: string };

export const USAGE = `Usage: npm run summary -- <tracker.xlsx> [--json <file>] [--out <file.xlsx>] [--mapping <file.json>]
                           [--notes <file.json>] [--history <workbook.xlsx> | --previous <summary.json>]
                           [--baseline <last-report | last-refresh | dd/mm/yyyy>] [--quiet]
       npm run summary -- <tracker.xlsx> --suggest-mapping

Reads a SEND transformation tracker (.xlsx), checks it, and prints the Portfolio Summary's headline figures.
The tracker file is only read, never changed.

Options:
  --json <file>       Also write the full summary (figures, charts' data, every issue) as JSON.
  --out <file.xlsx>   Also write the Portfolio Summary sheet, with its charts, to a new workbook, with the
                      Portfolio Summary History sheet (the history read, and this report added).
  --mapping <file>    Read the tracker through this column mapping (see docs/mapping.md): for a workbook laid
                      out differently from the template. It is used instead of any mapping saved in the workbook.
  --notes <file>      Explanations of variances and acknowledged data queries (JSON, see docs/cli.md), added to
                      those on the tracker's Portfolio Summary Notes sheet; a note for the same thing replaces it.
  --history <file>    Compare with the last report kept in this workbook's Portfolio Summary History sheet
                      (a previous --out, or the tracker saved with the add-in's sheets), and keep that history,
                      with this report added, in the --out workbook. Without it the tracker's own history sheet
                      is used, if it has one. A file that does not exist yet starts the history.
  --previous <file>   Compare with a previous --json of the summary instead.
  --baseline <which>  Which earlier report to compare with: last-report (the default: the latest one whose
                      reporting date is before this one's), last-refresh (the latest refresh, whatever its
                      date), or a reporting date, dd/mm/yyyy or yyyy-mm-dd (the latest refresh of that report).
  --suggest-mapping   Print the best-guess column mapping as JSON, for a person to check, edit and pass to
                      --mapping. Nothing else is done; notes on what to check go to the error stream.
  --quiet, -q         Print nothing but problems (errors in the tracker, or why it could not be read).
  --help, -h          Show this help.

Exit status:
  0  summary produced (warnings allowed)
  1  the tracker has errors: they are listed with their cells
  2  the tracker could not be read, an output could not be written, or the arguments are wrong
  3  an internal fault in Portfolio Summary (please report it)`;

const HELP_HINT = "Run with --help to see how to use it.";

/** Parses argv (without the node and script entries). */
export function parseArgs(argv: string[]): ParsedArgs {
  let trackerPath: string | null = null;
  let jsonPath: string | null = null;
  let outPath: string | null = null;
  let quiet = false;
  let mappingPath: string | undefined;
  let notesPath: string | undefined;
  let suggestMapping = false;
  let historyPath: string | undefined;
  let previousPath: string | undefined;
  let baseline: BaselineChoice | undefined;
  // Help wins over any mistake elsewhere on the line: someone asking for help is about to fix it.
  if (argv.some((a) => a === "--help" || a === "-h")) return { kind: "help" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quiet" || arg === "-q") {
      quiet = true;
      continue;
    }
    if (arg === "--suggest-mapping") {
      suggestMapping = true;
      continue;
    }
    const withValue = /^(--json|--out|--mapping|--notes|--history|--previous|--baseline)(?:=(.*))?$/.exec(
      arg,
    );
    if (withValue) {
      const option = withValue[1];
      let value = withValue[2];
      if (value === undefined) {
        value = argv[i + 1];
        if (value === undefined || value.startsWith("--"))
          return { kind: "error", message: `${option} needs ${needs(option)} after it. ${HELP_HINT}` };
        i++;
      }
      if (value === "")
        return { kind: "error", message: `${option} needs ${needs(option)} after it. ${HELP_HINT}` };
      if (option === "--baseline") {
        const choice = baselineOf(value);
        if (typeof choice === "string") return { kind: "error", message: choice };
        baseline = choice;
      } else if (option === "--json") jsonPath = value;
      else if (option === "--mapping") mappingPath = value;
      else if (option === "--notes") notesPath = value;
      else if (option === "--history") {
        if (!/\.xlsx$/i.test(value))
          return {
            kind: "error",
            message: `--history reads an Excel workbook, so its file name must end in .xlsx (got "${value}").`,
          };
        historyPath = value;
      } else if (option === "--previous") previousPath = value;
      else {
        if (!/\.xlsx$/i.test(value))
          return {
            kind: "error",
            message: `--out writes an Excel workbook, so its file name must end in .xlsx (got "${value}").`,
          };
        outPath = value;
      }
      continue;
    }
    if (arg.startsWith("-") && arg !== "-")
      return { kind: "error", message: `Unknown option "${arg}". ${HELP_HINT}` };
    if (trackerPath !== null)
      return {
        kind: "error",
        message: `Give one tracker file only (got "${trackerPath}" and "${arg}"); put quotes around a name with spaces.`,
      };
    trackerPath = arg;
  }
  if (trackerPath === null)
    return { kind: "error", message: `Give the tracker .xlsx file to summarise. ${HELP_HINT}` };
  if (historyPath !== undefined && previousPath !== undefined)
    return {
      kind: "error",
      message: "Give --history or --previous, not both: the report is compared with one earlier report.",
    };
  if (suggestMapping && (jsonPath !== null || outPath !== null || mappingPath !== undefined))
    return {
      kind: "error",
      message:
        "--suggest-mapping only prints a mapping; save it to a file, check it, then run again with --mapping <file> (and --json or --out).",
    };
  return {
    kind: "run",
    options: {
      trackerPath,
      jsonPath,
      outPath,
      quiet,
      // Only set when asked for, so the options of a plain run stay as they were.
      ...(mappingPath !== undefined ? { mappingPath } : {}),
      ...(notesPath !== undefined ? { notesPath } : {}),
      ...(suggestMapping ? { suggestMapping } : {}),
      ...(historyPath !== undefined ? { historyPath } : {}),
      ...(previousPath !== undefined ? { previousPath } : {}),
      ...(baseline !== undefined ? { baseline } : {}),
    },
  };
}

const needs = (option: string): string =>
  option === "--baseline" ? "last-report, last-refresh or a reporting date" : "a file name";

/** `--baseline`'s value as a choice, or a sentence saying what is wrong with it. */
function baselineOf(value: string): BaselineChoice | string {
  const v = value.trim().toLowerCase();
  if (v === "last-report") return { kind: "previous_report" };
  if (v === "last-refresh") return { kind: "previous_refresh" };
  // A reporting date, read as the tracker's dates are (UK order: 10/01/2025 is 10 January).
  const date = parseDate(value);
  if (date.ok) return { kind: "report_of", reportingDate: date.value };
  return `--baseline ${value}: no such date or choice; ${date.reason}; give last-report, last-refresh, or a reporting date such as 31/10/2024. ${HELP_HINT}`;
}
