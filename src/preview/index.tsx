// Browser preview entry: the task pane against the in-memory Excel, loaded with the sample tracker, through
// Microsoft's own Office.js client. Lets anyone try the add-in (and the browser tests drive it) without Office.
import { createRoot } from "react-dom/client";
import { loadOfficeClientFrame } from "./officeClient";
import { PreviewShell, openWorkbook } from "./PreviewShell";

// Webpack emits the sample next to the page and gives its address, so the preview works from any dist/ folder.
const SAMPLE_URL = new URL("../../assets/sample-tracker.xlsx", import.meta.url);

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  // office.js is loaded for parity with the pane; outside Office it resolves at once with host null.
  if (typeof Office !== "undefined") await Office.onReady();
  let step = "Microsoft's Office.js client";
  try {
    await loadOfficeClientFrame();
    step = "The sample tracker";
    const response = await fetch(SAMPLE_URL);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const initial = await openWorkbook(await response.arrayBuffer(), "sample-tracker.xlsx");
    createRoot(container).render(<PreviewShell initial={initial} />);
  } catch (error) {
    const p = document.createElement("p");
    p.setAttribute("role", "alert");
    p.style.padding = "12px";
    p.textContent =
      `${step} could not be loaded (${error instanceof Error ? error.message : String(error)}). ` +
      "Rebuild the preview with npm run build, or serve the dist folder over http rather than opening the file directly.";
    container.replaceChildren(p);
  }
}

void start();
