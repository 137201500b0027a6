// Shows a refresh report in an Office dialog from the ribbon's runtime (Office.context.ui.displayDialogAsync, which
// a function command may use, as Microsoft's add-in command guidance says). The dialog page asks for the report
// once it has loaded ("ready"), and closes itself from its button ("close").
import type { RefreshReport } from "./report";

/** Messages the dialog page sends its opener. */
export const DIALOG_READY = "ready";
export const DIALOG_CLOSE = "close";

/** Dialog size, in percent of the window, as Office takes it. */
const SIZE = { height: 45, width: 35 };

/** Longest the dialog is kept open: Excel ends a ribbon command's runtime after five minutes. */
const DIALOG_MAX_MS = 4 * 60 * 1000;

/** The part of Office.context.ui the ribbon uses. */
export interface DialogUi {
  displayDialogAsync(
    startAddress: string,
    options: { height?: number; width?: number; displayInIframe?: boolean },
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
}

/** Opens the report's dialog and resolves once it is closed (or cannot be opened: then the outcome is logged). */
export function showReport(ui: DialogUi, url: string, report: RefreshReport): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let dialog: Office.Dialog | null = null;
    const finish = () => {
      if (done) return;
      done = true;
      try {
        dialog?.close();
      } catch {
        /* already closed by the user */
      }
      resolve();
    };
    const timer = setTimeout(finish, DIALOG_MAX_MS);
    ui.displayDialogAsync(url, { ...SIZE, displayInIframe: true }, (result) => {
      if (String(result.status) !== "succeeded") {
        // A dialog already open, or blocked by the browser: the outcome is still stored in the workbook.
        console.warn(`Portfolio Summary: ${report.title}. ${report.message}`);
        clearTimeout(timer);
        finish();
        return;
      }
      dialog = result.value;
      // Office.EventType.DialogMessageReceived and DialogEventReceived, by value: the tests run without office.js.
      dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType, (arg) => {
        const message = (arg as { message?: string }).message;
        if (message === DIALOG_READY) dialog?.messageChild(JSON.stringify(report));
        else if (message === DIALOG_CLOSE) {
          clearTimeout(timer);
          finish();
        }
      });
      // The user closed the dialog with its X (12006), or it could not load its page.
      dialog.addEventHandler("dialogEventReceived" as unknown as Office.EventType, () => {
        clearTimeout(timer);
        finish();
      });
    });
  });
}
