// Command-line arguments of `npm run summary`: parsed into options, or a plain sentence saying what is wrong.

export interface CliOptions {
  trackerPath: string;
  jsonPath: string | null;
  outPath: string | null;
  quiet: boolean;
}

export type ParsedArgs =
  { kind: "run"; options: CliOptions } | { kind: "help" } | { kind: "error"; message: string };

export const USAGE = `Usage: npm run summary -- <tracker.xlsx> [--json <file>] [--out <file.xlsx>] [--quiet]

Reads a SEND transformation tracker (.xlsx), checks it, and prints the Portfolio Summary's headline figures.
The tracker file is only read, never changed.

Options:
  --json <file>       Also write the full summary (figures, charts' data, every issue) as JSON.
  --out <file.xlsx>   Also write the Portfolio Summary sheet, with its charts, to a new workbook.
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
  // Help wins over any mistake elsewhere on the line: someone asking for help is about to fix it.
  if (argv.some((a) => a === "--help" || a === "-h")) return { kind: "help" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--quiet" || arg === "-q") {
      quiet = true;
      continue;
    }
    const withValue = /^(--json|--out)(?:=(.*))?$/.exec(arg);
    if (withValue) {
      const option = withValue[1];
      let value = withValue[2];
      if (value === undefined) {
        value = argv[i + 1];
        if (value === undefined || value.startsWith("--"))
          return { kind: "error", message: `${option} needs a file name after it. ${HELP_HINT}` };
        i++;
      }
      if (value === "")
        return { kind: "error", message: `${option} needs a file name after it. ${HELP_HINT}` };
      if (option === "--json") jsonPath = value;
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
  return { kind: "run", options: { trackerPath, jsonPath, outPath, quiet } };
}
