// The ribbon's "Refresh summary" button, apart from Office's wiring so it can be tested.
// A function command has no window of its own. What a refresh did is stored in the workbook (the pane, open or
// opened later, shows it) and the summary sheet's status line shows the refresh; when a refresh could not do its
// work (errors in the tracker, a read-only workbook, another refresh running) the button says so in a dialog.
import type { RefreshOutcome, WorkbookGateway } from "../excel/api";
import { reportFor, type RefreshReport } from "./report";

/** The part of Office.AddinCommands.Event the handler uses. */
export interface CommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export interface RefreshCommandOptions {
  /** Told of each finished refresh (the command page logs it for support). */
  onOutcome?: (outcome: RefreshOutcome) => void;
  /** Shows a report and resolves when it is closed (the command page opens a dialog). */
  showReport?: (report: RefreshReport) => Promise<void>;
  now?: () => Date;
}

/**
 * Returns the handler Office calls for the button. It always calls event.completed() (Office otherwise shows the
 * button as busy until it times out), after any report was closed, and ignores a second click while a refresh is
 * still running.
 */
export function makeRefreshCommand(
  gateway: Pick<WorkbookGateway, "refresh">,
  options: RefreshCommandOptions = {},
): (event: CommandEvent) => Promise<void> {
  let running = false;
  return async (event) => {
    if (running) {
      event.completed();
      return;
    }
    running = true;
    try {
      const outcome = await gateway.refresh({ now: options.now?.() });
      options.onOutcome?.(outcome);
      const report = reportFor(outcome);
      if (report && options.showReport) await options.showReport(report);
    } catch (error) {
      // refresh() reports failures as values; reaching here is a fault in the add-in, kept for the console.
      console.error("Portfolio Summary: the refresh command failed unexpectedly.", error);
    } finally {
      running = false;
      event.completed();
    }
  };
}
