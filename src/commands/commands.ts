// Function file of the ribbon: Office loads commands.html hidden and calls "refreshSummary" when the
// "Refresh summary" button is pressed, without opening the task pane. What the refresh could not do is shown in a
// dialog (report.html).
import { createWorkbookGateway } from "../excel/gateway";
import { officeRunner } from "../excel/runner";
import { showReport } from "./dialog";
import { makeRefreshCommand } from "./refresh-command";

/** Name shared with manifest.xml (<FunctionName>refreshSummary</FunctionName>). */
export const REFRESH_FUNCTION_NAME = "refreshSummary";

Office.onReady(() => {
  const gateway = createWorkbookGateway(officeRunner(), { source: "ribbon" });
  const reportUrl = new URL("report.html", window.location.href).href;
  const refreshSummary = makeRefreshCommand(gateway, {
    onOutcome: (outcome) => console.info(`Portfolio Summary: ${outcome.message}`),
    showReport: (report) => showReport(Office.context.ui, reportUrl, report),
  });
  Office.actions.associate(REFRESH_FUNCTION_NAME, refreshSummary);
});
