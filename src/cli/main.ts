// Command-line entry: `npm run summary -- <tracker.xlsx> [--json <file>] [--out <file.xlsx>] [--mapping <file>]`.
// Reads the tracker read-only, runs the engine, prints a short report and writes the requested outputs; or, with
// --suggest-mapping, prints the best-guess column mapping for a workbook not laid out like the template.
import { access, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { runEngine } from "../core/engine";
import { SAVED_MAPPING_KEY } from "../core/engine-api";
import { HISTORY_SHEET_NAME, readHistorySheet } from "../core/history";
import { recordedFromSummary } from "../core/history/previous";
import { mappingJson, parseMapping, suggestMapping } from "../core/mapping";
import type { RawWorkbook } from "../core/raw";
import type { HistorySnapshot, PortfolioSummary, ReviewNote } from "../core/model";
import { notesFromJson } from "../core/review";
import { readXlsxFile, TrackerFileError } from "../xlsx/read";
import { parseArgs, USAGE } from "./args";
import {
  OutputError,
  summaryJson,
  writeFileAtomically,
  writeSummaryWorkbook,
  type SummaryWorkbookWriter,
} from "./output";
import { formatErrorsOnly, formatReport } from "./report";

export const EXIT_OK = 0;
export const EXIT_TRACKER_ERRORS = 1;
export const EXIT_UNREADABLE = 2;
export const EXIT_INTERNAL = 3;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliDeps {
  now?: Date;
  /** Replaceable so tests and the integrator can plug in another renderer. */
  writeWorkbook?: SummaryWorkbookWriter;
}

/** Set when a stream's reader has gone (`| head` has read its lines): what is left to print is dropped. */
const closed = { out: false, err: false };

const defaultIo: CliIo = {
  out: (t) => {
    if (!closed.out) process.stdout.write(`${t}\n`);
  },
  err: (t) => {
    if (!closed.err) process.stderr.write(`${t}\n`);
  },
};

/**
 * A pipe closed by its reader (`npm run summary -- t.xlsx | head`) fails writes with EPIPE. That is not the
 * CLI's fault: printing stops quietly and the run finishes, so --json and --out files are still written.
 */
export function stopQuietlyWhenPipesClose(): void {
  for (const [stream, which] of [
    [process.stdout, "out"],
    [process.stderr, "err"],
  ] as const)
    stream.on("error", (e: NodeJS.ErrnoException) => {
      closed[which] = true;
      if (e.code !== "EPIPE" && which === "out") process.exitCode = EXIT_INTERNAL;
    });
}

/** Runs the CLI and returns its exit status. Never throws; user errors come back as messages, not stack traces. */
export async function runCli(argv: string[], io: CliIo = defaultIo, deps: CliDeps = {}): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    io.out(USAGE);
    return EXIT_OK;
  }
  if (parsed.kind === "error") {
    io.err(parsed.message);
    return EXIT_UNREADABLE;
  }
  /** A file an option names cannot be used: say why, and stop. */
  const unreadable = (message: string): number => {
    io.err(message);
    return EXIT_UNREADABLE;
  };
  const { trackerPath, jsonPath, outPath, quiet } = parsed.options;
  const mappingPath = parsed.options.mappingPath ?? null;
  const input = resolve(trackerPath);
  for (const [option, path] of [
    ["--json", jsonPath],
    ["--out", outPath],
  ] as const) {
    if (path !== null && resolve(path) === input) {
      io.err(
        `${option} would overwrite the tracker itself; choose another file name (the tracker is never changed).`,
      );
      return EXIT_UNREADABLE;
    }
    if (path !== null && mappingPath !== null && resolve(path) === resolve(mappingPath)) {
      io.err(`${option} would overwrite the mapping file; choose another file name.`);
      return EXIT_UNREADABLE;
    }
  }
  if (jsonPath !== null && outPath !== null && resolve(jsonPath) === resolve(outPath)) {
    io.err("--json and --out name the same file; give each its own file name.");
    return EXIT_UNREADABLE;
  }

  try {
    let raw = await readXlsxFile(trackerPath);
    if (parsed.options.suggestMapping) {
      const suggestion = suggestMapping(raw);
      io.out(mappingJson(suggestion.mapping).trimEnd());
      if (!suggestion.needsMapping)
        io.err("The tracker is laid out as the template describes: it needs no mapping.");
      for (const note of suggestion.needsPerson) io.err(note);
      return EXIT_OK;
    }
    if (mappingPath !== null) {
      const mapping = await readMappingFile(mappingPath);
      if (typeof mapping === "string") return unreadable(mapping);
      raw = withMapping(raw, mapping);
    }
    const { notesPath, previousPath } = parsed.options;
    const reviewNotes = notesPath === undefined ? undefined : await readNotesFile(notesPath);
    if (typeof reviewNotes === "string") return unreadable(reviewNotes);
    // The history: a previous --json, a workbook's history sheet, or the tracker's own (a file the add-in wrote to).
    const previousSummary = previousPath === undefined ? undefined : await readPreviousFile(previousPath);
    if (typeof previousSummary === "string") return unreadable(previousSummary);
    if (previousSummary === undefined && parsed.options.historyPath !== undefined) {
      const kept = await readHistoryWorkbook(parsed.options.historyPath);
      if (kept.note) io.err(kept.note);
      raw = { ...raw, history: kept.sheet };
    } else if (previousSummary === undefined) {
      const own = raw.sheets.find((s) => s.name === HISTORY_SHEET_NAME);
      if (own) raw = { ...raw, sheets: raw.sheets.filter((s) => s !== own), history: own };
    }
    const recorded: HistorySnapshot[] = previousSummary
      ? recordedFromSummary(previousSummary)
      : readHistorySheet(raw.history).snapshots;
    const summary: PortfolioSummary = runEngine(raw, {
      now: deps.now,
      reviewNotes,
      recorded,
      ...(parsed.options.baseline ? { settingsOverrides: { baseline: parsed.options.baseline } } : {}),
    });
    if (!quiet) io.out(formatReport(summary));
    else {
      // Quiet means silent when all is well: a blank line on stderr would still set off a scheduler's alert.
      const problems = formatErrorsOnly(summary);
      if (problems !== "") io.err(problems);
    }
    const written: string[] = [];
    if (jsonPath !== null) {
      await writeFileAtomically(jsonPath, summaryJson(summary));
      written.push(jsonPath);
    }
    if (outPath !== null) {
      const bytes = await (deps.writeWorkbook ?? writeSummaryWorkbook)(summary, { recorded });
      await writeFileAtomically(outPath, bytes);
      written.push(outPath);
    }
    if (!quiet) {
      if (written.length > 0) io.out("");
      for (const w of written) io.out(`Wrote ${w}`);
    }
    return summary.issueCounts.error > 0 ? EXIT_TRACKER_ERRORS : EXIT_OK;
  } catch (e) {
    if (e instanceof TrackerFileError || e instanceof OutputError) {
      io.err(e.message);
      return EXIT_UNREADABLE;
    }
    // A fault in Portfolio Summary itself: say so plainly; the stack only when asked for.
    const message = e instanceof Error ? e.message : String(e);
    io.err(
      `Portfolio Summary failed unexpectedly (${message}). Please report this with the tracker attached.`,
    );
    if (process.env.PORTFOLIO_SUMMARY_DEBUG && e instanceof Error && e.stack) io.err(e.stack);
    return EXIT_INTERNAL;
  }
}

/** What a JSON file an option names is called in its messages: when it is missing, unreadable, or not JSON. */
interface JsonFileWords {
  missing: string;
  unreadable: string;
  notJson: string;
}

/** A JSON file's content, or the sentence saying why it cannot be read. */
async function readJsonFile(path: string, words: JsonFileWords): Promise<{ json: unknown } | string> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? words.missing : `${words.unreadable} (${code ?? "unknown error"}).`;
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return words.notJson;
  }
}

/**
 * The mapping file's JSON, or a sentence saying why it cannot be used. Problems inside a usable mapping (an unknown
 * field, a sheet that is gone) are left to the engine, which reports them as issues with the rest.
 */
async function readMappingFile(path: string): Promise<unknown> {
  const read = await readJsonFile(path, {
    missing: `There is no mapping file at "${path}": check the path, or make one with --suggest-mapping.`,
    unreadable: `The mapping file "${path}" could not be read`,
    notJson: `The mapping file "${path}" is not valid JSON: check its brackets, quotes and commas (docs/mapping.md shows the format).`,
  });
  if (typeof read === "string") return read;
  const parsed = parseMapping(read.json);
  if (!parsed.mapping)
    return `The mapping file "${path}" cannot be used: ${parsed.issues[0]?.message ?? "it is not a mapping."}`;
  return read.json;
}

/** The notes in a --notes file, or a sentence saying why they cannot be used. */
async function readNotesFile(path: string): Promise<ReviewNote[] | string> {
  const read = await readJsonFile(path, {
    missing: `There is no notes file at "${path}": check the path.`,
    unreadable: `The notes file "${path}" could not be read`,
    notJson: `The notes file "${path}" is not valid JSON: check its brackets, quotes and commas (docs/cli.md shows the format).`,
  });
  if (typeof read === "string") return read;
  const notes = notesFromJson(read.json);
  return typeof notes === "string" ? `The notes file "${path}" cannot be used: ${notes}.` : notes;
}

/** A previous --json: the summary, or a sentence saying why it cannot be compared with. */
async function readPreviousFile(path: string): Promise<PortfolioSummary | string> {
  const read = await readJsonFile(path, {
    missing: `There is no previous summary at "${path}": check the path (it is a file written with --json).`,
    unreadable: `The previous summary "${path}" could not be read`,
    notJson: `The previous summary "${path}" is not valid JSON: give a file written with --json.`,
  });
  if (typeof read === "string") return read;
  const s = read.json as Partial<PortfolioSummary> | null;
  if (
    !s ||
    typeof s !== "object" ||
    s.schemaVersion !== 1 ||
    !Array.isArray(s.kpis) ||
    !s.overallRag ||
    !s.programme
  )
    return `"${path}" is not a Portfolio Summary written with --json (docs/summary-json.md), so it cannot be compared with.`;
  return s as PortfolioSummary;
}

/**
 * The history sheet of a workbook (by its name, or the first sheet with the history's header row). A file that does
 * not exist yet starts the history, with a note saying so.
 */
async function readHistoryWorkbook(path: string): Promise<{ sheet?: RawWorkbook["history"]; note?: string }> {
  try {
    await access(path);
  } catch {
    return { note: `There is no workbook at "${path}" yet, so this report starts the history.` };
  }
  const book = await readXlsxFile(path);
  const sheet =
    book.sheets.find((s) => s.name === HISTORY_SHEET_NAME) ??
    book.sheets.find((s) => readHistorySheet(s).snapshots.length > 0);
  return sheet
    ? { sheet }
    : { note: `"${path}" has no ${HISTORY_SHEET_NAME} sheet, so this report starts the history.` };
}

/** The file's mapping replaces any saved in the workbook: the engine reads it from the same place. */
function withMapping(raw: RawWorkbook, mapping: unknown): RawWorkbook {
  return { ...raw, savedSettings: { ...raw.savedSettings, [SAVED_MAPPING_KEY]: mapping } };
}

// Run only when executed directly (tests import runCli instead).
if (process.argv[1] && /[\\/]cli[\\/]main\.[cm]?[tj]s$/.test(process.argv[1])) {
  stopQuietlyWhenPipesClose();
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
