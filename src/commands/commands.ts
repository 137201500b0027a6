// Function file of the ribbon: Office loads commands.html hidden and calls "refreshSummary" when the
// "Refresh summary" button is pressed, without opening the task pane.
import { createWorkbookGateway } from "../excel/gateway";
import { makeRefreshCommand } from "./refresh-command";

/** Name shared with manifest.xml (<FunctionName>refreshSummary</FunctionName>). */
export const REFRESH_FUNCTION_NAME = "refreshSummary";

Office.onReady(() => {
  const gateway = createWorkbookGateway((batch) => Excel.run(batch));
  const refreshSummary = makeRefreshCommand(gateway, {
    onOutcome: (outcome) => console.info(`Portfolio Summary: ${outcome.message}`),
  });
  Office.actions.associate(REFRESH_FUNCTION_NAME, refreshSummary);
});
