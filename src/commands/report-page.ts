// The report dialog's page: asks its opener (the ribbon's runtime) for the report, shows it, closes on request.
import { DIALOG_CLOSE, DIALOG_READY } from "./dialog";
import type { RefreshReport } from "./report";
import { renderReport } from "./report-view";

void Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
    const message = (arg as { message?: string }).message ?? "";
    try {
      renderReport(root, JSON.parse(message) as RefreshReport, () =>
        Office.context.ui.messageParent(DIALOG_CLOSE),
      );
    } catch {
      root.textContent = "The report could not be shown. Choose Review on the Home tab for the details.";
    }
  });
  Office.context.ui.messageParent(DIALOG_READY);
});
