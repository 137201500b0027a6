// The preview runs the task pane over Microsoft's own Office.js client: the Excel web library (excel-web-16.00.js)
// in a hidden frame of the page, with the in-memory Excel as the host answering its requests. The frame keeps that
// library apart from the page's office.js, which outside Office only reports "no host".
import { setOfficeClient, type OfficeClient } from "../excel-sim";

/** Where webpack puts the frame's page, next to its copy of the library. */
const EXCEL_CLIENT_PAGE = "office-js/excel-client.html";

/** Loads the client once and makes the in-memory Excel use it; rejects when the library cannot be loaded. */
export function loadOfficeClientFrame(page = EXCEL_CLIENT_PAGE): Promise<OfficeClient> {
  const loaded = new Promise<OfficeClient>((resolve, reject) => {
    const frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Office.js client";
    frame.src = page;
    frame.addEventListener("load", () => {
      const inFrame = frame.contentWindow as
        | (Window & { Excel?: OfficeClient["Excel"]; OfficeExtension?: OfficeClient["OfficeExtension"] })
        | null;
      const excel = inFrame?.Excel;
      if (excel && typeof excel.run === "function")
        resolve({ Excel: excel, OfficeExtension: inFrame?.OfficeExtension });
      else reject(new Error(`Microsoft's Office.js client did not load from ${page}`));
    });
    frame.addEventListener("error", () => reject(new Error(`${page} could not be loaded`)));
    document.body.appendChild(frame);
  });
  setOfficeClient(() => loaded);
  return loaded;
}
