// Detects the old Office webviews (Internet Explorer's Trident and EdgeHTML) that cannot run this pane.
// taskpane.html repeats this test in ES5 so the message shows even where the bundle cannot be parsed.

/** Trident = Internet Explorer 11 (Office 2016/2019 on older Windows); "Edge/" = EdgeHTML (Chromium Edge says "Edg/"). */
export const LEGACY_WEBVIEW_PATTERN = /Trident\/|Edge\/\d/;

export function isLegacyWebview(userAgent: string): boolean {
  return LEGACY_WEBVIEW_PATTERN.test(userAgent);
}

export const LEGACY_WEBVIEW_MESSAGE =
  "Portfolio Summary needs Microsoft 365 or Office 2021 or later. This version of Office uses an old web browser " +
  "inside Excel that the add-in cannot run in. Please open the workbook in Microsoft 365, Office 2021 or later, " +
  "or in Excel on the web.";
