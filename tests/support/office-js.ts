// Microsoft's Office.js client under Node: the Excel web library from @microsoft/office-js, run in a jsdom window,
// as a page in Excel on the web runs it. The in-memory Excel (tests/support/excel-sim) is the host behind it.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { JSDOM } from "jsdom";
import type { OfficeClient } from "./excel-sim";

/** The library Excel on the web loads for an add-in (the readable build of the same code). */
export const OFFICE_JS_LIBRARY = join(
  dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist",
  "excel-web-16.00.debug.js",
);

export interface LoadedOfficeClient extends OfficeClient {
  /** The window the library runs in (its Excel and OfficeExtension globals live there). */
  window: Window & { Excel: unknown; OfficeExtension: unknown };
}

let loaded: LoadedOfficeClient | null = null;

/** Loads the client once per test file (module registry), about a quarter of a second. */
export function loadOfficeClient(): LoadedOfficeClient {
  if (loaded) return loaded;
  const source = readFileSync(OFFICE_JS_LIBRARY, "utf8");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/taskpane.html",
  });
  dom.window.eval(source);
  const window = dom.window as unknown as LoadedOfficeClient["window"];
  loaded = {
    Excel: window.Excel as OfficeClient["Excel"],
    OfficeExtension: window.OfficeExtension as OfficeClient["OfficeExtension"],
    window,
  };
  return loaded;
}
