// The sentences a refresh ends with, shown in the pane, in the ribbon's dialog and stored in the workbook. Each way
// a refresh can stop has its own, saying what state the workbook is in and what to do; none advises trying again
// when trying again cannot help (a read-only or protected workbook, errors in the tracker).
import type { Issue, PortfolioSummary } from "../core/model";
import { issueLocation, plural } from "../core/wording";
import type { RefreshStep } from "./api";
import { SOURCE_WORDS, type Lease } from "./lease";

const UNCHANGED = "The previous summary is unchanged.";

/** "Risk Register!G9: " before an issue's message; nothing for a problem with the workbook as a whole. */
const where = (issue: Issue): string => (issue.sheet ? `${issueLocation(issue, "sentence")}: ` : "");

const quoteList = (names: string[]) => names.map((n) => `"${n}"`).join(" and ");

/** "09:30 on 10/01/2025", UK time. */
function whenText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const zone = { timeZone: "Europe/London" } as const;
  const time = d.toLocaleTimeString("en-GB", { ...zone, hour: "2-digit", minute: "2-digit" });
  return `${time} on ${d.toLocaleDateString("en-GB", zone)}`;
}

/** Who holds a lease, in words: "the Refresh summary button, started 09:30 on 10/01/2025". */
function holderText(lease: Lease, here: boolean): string {
  const source = SOURCE_WORDS[lease.source] ?? "another copy of the add-in";
  const whose = here ? "" : " (here or on a colleague's computer)";
  return `${source}${lease.source === "ribbon" ? "" : whose}, started ${whenText(lease.startedAt)}`;
}

export const messages = {
  written(
    summary: PortfolioSummary,
    sheetName: string,
    extras: {
      takenByUserSheet?: boolean;
      keptSheet?: string | null;
      restoredMapping?: boolean;
      leftBehind?: string[];
    } = {},
  ): string {
    const flagged = summary.variances.length;
    const warnings = summary.issueCounts.warning;
    const parts = [
      `"${sheetName}" refreshed: ${plural(flagged, "variance")} flagged` +
        (warnings ? `, ${plural(warnings, "warning")} to review.` : "."),
    ];
    if (extras.takenByUserSheet) {
      parts.push(`A sheet of yours is already called "Portfolio Summary", so it was left alone.`);
    }
    if (extras.keptSheet) {
      parts.push(
        `The previous summary had been edited, so it was kept as your own sheet "${extras.keptSheet}".`,
      );
    }
    if (extras.restoredMapping) {
      parts.push(
        "The workbook's saved settings had lost the column mapping; it was put back from the summary sheet.",
      );
    }
    if (extras.leftBehind && extras.leftBehind.length > 0) {
      parts.push(
        `The working ${extras.leftBehind.length === 1 ? "sheet" : "sheets"} ${quoteList(extras.leftBehind)} ` +
          "could not be removed (another workbook came to the front); the next refresh removes them.",
      );
    }
    return parts.join(" ");
  },
  /** `hadSummary`: whether the workbook holds a summary already (a first refresh has none to leave unchanged). */
  trackerErrors(summary: PortfolioSummary, hadSummary = true): string {
    const errors = summary.issues.filter((i) => i.severity === "error");
    const first = errors[0];
    return (
      `The tracker has ${plural(summary.issueCounts.error, "problem")} that must be fixed before the summary can be ` +
      `refreshed` +
      (first ? ` (first: ${where(first)}${first.message})` : "") +
      `. ${hadSummary ? UNCHANGED : "Nothing was changed."} Open Review to see each problem and go to its cell.`
    );
  },
  readOnly(): string {
    return (
      "This workbook is open read-only, so the summary cannot be written into it. Nothing was changed. " +
      "Open it for editing (in Excel on the web, choose Editing at the top; in Excel on Windows or Mac, choose " +
      "Enable Editing, or save a copy you can change), then choose Refresh summary."
    );
  },
  protectedStructure(): string {
    return (
      "This workbook's structure is protected, so the summary's sheets cannot be added or updated. Nothing was " +
      "changed. Whoever protected it can turn this off under Review > Protect Workbook; then choose Refresh summary."
    );
  },
  protectedSheet(sheetName: string): string {
    return (
      `The sheet "${sheetName}" is protected, so the summary cannot be written into it. Nothing was changed. ` +
      "Unprotect it under Review > Unprotect Sheet, then choose Refresh summary."
    );
  },
  busy(lease: Lease, here: boolean): string {
    return (
      `The summary is already being refreshed from ${holderText(lease, here)}. This refresh did not start, so ` +
      "nothing was changed; the summary updates when that one finishes."
    );
  },
  takenOver(lease: Lease | null, here: boolean): string {
    const who = lease ? ` from ${holderText(lease, here)}` : "";
    return (
      `Another refresh${who} started while this one was running, so this one stopped before changing anything. ` +
      `${UNCHANGED} The summary updates when the other one finishes.`
    );
  },
  cellEdit(): string {
    return (
      "A cell is being edited, and Excel does not let add-ins work until that ends. Nothing was changed. Press " +
      "Enter or Esc to finish editing the cell, then choose Refresh summary."
    );
  },
  focus(state: "unchanged" | "incomplete" | "leftovers", leftBehind: string[]): string {
    const what =
      state === "unchanged"
        ? UNCHANGED
        : state === "incomplete"
          ? "The summary sheet is only partly updated."
          : "";
    const left = leftBehind.length
      ? ` The working ${leftBehind.length === 1 ? "sheet" : "sheets"} ${quoteList(leftBehind)} ` +
        `${leftBehind.length === 1 ? "was" : "were"} left; the next refresh removes ${leftBehind.length === 1 ? "it" : "them"}.`
      : "";
    return (
      "Another workbook came to the front while the summary was being written, and Excel cannot add, show or " +
      `remove sheets in a workbook that is not in front. ${what}${left} Keep this workbook in front and choose ` +
      "Refresh summary again."
    ).replace(/\s+/g, " ");
  },
  /**
   * Excel refused a change (AccessDenied) although the workbook did not say it was read-only or protected when
   * the refresh began: permissions that allow viewing only, or protection turned on by a co-author meanwhile.
   * Trying again as things are cannot succeed, so this says what has to change first.
   */
  refused(reason: string, state: "unchanged" | "incomplete" | "unknown", leftBehind: string[]): string {
    const what =
      state === "unchanged"
        ? `${UNCHANGED} `
        : state === "incomplete"
          ? "The summary sheet is only partly updated. "
          : "";
    const left = leftBehind.length
      ? `The working ${leftBehind.length === 1 ? "sheet" : "sheets"} ${quoteList(leftBehind)} ` +
        `${leftBehind.length === 1 ? "was" : "were"} left; the next refresh removes ${leftBehind.length === 1 ? "it" : "them"}. `
      : "";
    return (
      `Excel did not allow the add-in to change this workbook (${reason}): it, or one of its sheets, is read-only ` +
      `or protected for you. ${what}${left}Once you can edit it (ask whoever shares or protected it for edit ` +
      `access, or turn protection off under Review), choose Refresh summary${state === "incomplete" ? " to complete it" : ""}.`
    );
  },
  readFailed(reason: string): string {
    return `The tracker could not be read (${reason}). Nothing was changed; try Refresh summary again.`;
  },
  loadFailed(reason: string): string {
    return (
      `Part of the add-in could not be downloaded (${reason}). Nothing was changed. Check the connection, then ` +
      "choose Refresh summary again."
    );
  },
  computeFailed(reason: string): string {
    return (
      `The summary could not be worked out (${reason}). ${UNCHANGED} ` +
      `This is a fault in the add-in rather than in your tracker: please report it with the workbook.`
    );
  },
  writeFailed(
    reason: string,
    step: RefreshStep,
    state: "unchanged" | "incomplete" | "unknown",
    leftBehind: string[],
    retryable = true,
  ): string {
    const what = step === "charts" ? "drawing the charts" : "writing the summary sheet";
    // Refreshing again would send the same parts and meet the same refusal, so there is no point asking for it.
    if (state === "unchanged" && !retryable)
      return (
        `Excel refused the summary sheet (${reason}). ${UNCHANGED} This is a limit of Excel that the add-in ` +
        "could not get under: please report it with the workbook."
      );
    const left = leftBehind.length
      ? ` The working ${leftBehind.length === 1 ? "sheet" : "sheets"} ${quoteList(leftBehind)} ` +
        "could not be removed; the next refresh removes them."
      : "";
    if (state === "unchanged")
      return `Something went wrong while ${what} (${reason}). ${UNCHANGED}${left} Try Refresh summary again; if it happens again, please report it with the workbook.`;
    if (state === "incomplete")
      return (
        `Something went wrong while ${what} (${reason}), and the summary sheet is only partly updated.${left} ` +
        "Choose Refresh summary to complete it; your own sheets were not touched."
      );
    return (
      `Something went wrong while ${what} (${reason}), and the add-in could not check what it left.${left} ` +
      "Choose Refresh summary: it finds its own sheets by their marks and puts them right. Your own sheets were not touched."
    );
  },
};

export { isAccessDenied, isCellEditError } from "./sync";

/** A part of the add-in that failed to download (webpack's ChunkLoadError; a failed dynamic import elsewhere). */
export function isLoadError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === "ChunkLoadError" || /Loading chunk|dynamically imported module/i.test(String(error));
}
