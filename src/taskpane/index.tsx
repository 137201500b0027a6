// Task pane entry: waits for Office, then renders the pane against the live workbook through the Office.js gateway.
// Keep this file free of exceljs and the in-memory Excel: it decides the production bundle size.
import { createRoot } from "react-dom/client";
import { createWorkbookGateway } from "../excel/gateway";
import { officeRunner } from "../excel/runner";
import { App } from "./App";
import { isLegacyWebview } from "./legacyWebview";
import { UnsupportedHost } from "./UnsupportedHost/UnsupportedHost";

const NOT_IN_EXCEL =
  "This pane works inside Excel. Open your SEND tracker in Excel and choose Portfolio Summary on the Home tab.";

function showMessage(container: HTMLElement, text: string): void {
  const p = document.createElement("p");
  p.setAttribute("role", "alert");
  p.style.padding = "12px";
  p.textContent = text;
  container.replaceChildren(p);
}

function start(): void {
  const container = document.getElementById("root");
  if (!container) return;
  if (isLegacyWebview(navigator.userAgent)) {
    createRoot(container).render(<UnsupportedHost />);
    return;
  }
  if (typeof Office === "undefined") {
    showMessage(
      container,
      `Office could not be loaded. Check your internet connection, then reopen the pane. ${NOT_IN_EXCEL}`,
    );
    return;
  }
  void Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) {
      showMessage(container, NOT_IN_EXCEL);
      return;
    }
    createRoot(container).render(<App gateway={createWorkbookGateway(officeRunner(), { source: "pane" })} />);
  });
}

start();
