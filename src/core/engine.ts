// The engine: raw workbook in, summary model out. Read the tracker, settle the settings, validate, summarise;
// every problem found on the way travels as an issue, so a shell only ever calls this one function.
import { SAVED_SETTINGS_KEY, type RunEngine } from "./engine-api";
import { baselineChoiceOf, readHistorySheet } from "./history";
import { sheetEndRow } from "./raw";
import { readTracker } from "./read";
import { applyReview, findNotesTable, mergeNotes, parseNotes } from "./review";
import { resolveSettings } from "./settings";
import { summarise } from "./summarise";
import { formulaWithoutResultIssues } from "./uncalculated";
import { validateTracker } from "./validate";

export const runEngine: RunEngine = (raw, options = {}) => {
  const read = readTracker(raw);
  const { tracker } = read;
  // Formulas the file has no results for are named at their cells, in place of "empty but needed".
  const formulas = formulaWithoutResultIssues(tracker, read.issues, raw.formulasWithoutResult ?? []);
  const readIssues = [...formulas.readIssues, ...formulas.issues];
  const { settings, issues: settingsIssues } = resolveSettings(
    tracker,
    raw.savedSettings?.[SAVED_SETTINGS_KEY],
    options.settingsOverrides,
  );
  const validationIssues = validateTracker(tracker, settings);
  // The history: a previous summary when the caller gives one, otherwise the workbook's own history sheet.
  const saved = raw.savedSettings?.[SAVED_SETTINGS_KEY] as { baseline?: unknown } | undefined;
  const sheetHistory = options.recorded ? null : readHistorySheet(raw.history);
  const summary = summarise(tracker, [...readIssues, ...settingsIssues, ...validationIssues], settings, {
    now: options.now ?? new Date(),
    workbookName: options.workbookName ?? raw.name ?? "",
    history: {
      recorded: options.recorded ?? sheetHistory?.snapshots ?? [],
      lastRefresh: sheetHistory?.lastRefresh,
      sheet: raw.history
        ? {
            name: raw.history.name,
            usedRows: sheetEndRow(raw.history),
            originCol: raw.history.originCol,
          }
        : undefined,
      choice:
        baselineChoiceOf(options.settingsOverrides?.baseline) ??
        baselineChoiceOf(saved?.baseline) ??
        undefined,
    },
  });
  // What the reader already knows it cannot compute (a field a column mapping leaves out) heads the list.
  const complete = tracker.notComputed?.length
    ? { ...summary, notComputed: [...tracker.notComputed, ...summary.notComputed] }
    : summary;
  // The notes people keep on the notes sheet (and any given by the caller): explanations and known queries.
  const notesTable = findNotesTable(raw);
  const notes = mergeNotes(notesTable ? parseNotes(notesTable) : [], options.reviewNotes ?? []);
  return applyReview(complete, notes, notesTable?.sheet ?? null);
};
