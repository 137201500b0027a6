// Microsoft's Office.js client under Node: the Excel web library from @microsoft/office-js, run in a jsdom window,
// as a page in Excel on the web runs it. The in-memory Excel (src/excel-sim) is the host behind it.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runInThisContext } from "node:vm";
import type { JSDOM as JSDOMType } from "jsdom";
import type { OfficeClient } from "../../src/excel-sim";

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

const CACHE_KEY = Symbol.for("portfolio-summary.office-js-client");

interface WorkerProcess {
  getBuiltinModule?: (id: string) => unknown;
}

/**
 * The process's own global object and `require`. Jest gives each test file a module registry and globals of its
 * own, so a library loaded there is loaded again for every file (jsdom and the library: about 0.8 s of CPU); code
 * run with vm.runInThisContext sees the worker's, which last as long as the worker. Outside jest they are the
 * usual ones.
 */
function workerScope(): { global: Record<symbol, unknown>; require: NodeJS.Require } {
  const global = runInThisContext("globalThis") as Record<symbol, unknown>;
  const process = runInThisContext("process") as WorkerProcess;
  const modules = process.getBuiltinModule?.("node:module") as typeof import("node:module") | undefined;
  return { global, require: modules ? modules.createRequire(__filename) : require };
}

/**
 * Loads the client once per process (a jest worker runs many test files): jsdom, and the 3 MB library evaluated
 * in a window of its own. Every run gets a RequestContext and a session of its own, so runs of different test
 * files share nothing but the library's code. jsdom comes through the process's own `require`, so its timers are
 * Node's, not those of the test file that happened to load it first (a jsdom test environment's stop when that
 * file ends).
 */
export function loadOfficeClient(): LoadedOfficeClient {
  const scope = workerScope();
  const cached = scope.global[CACHE_KEY] as LoadedOfficeClient | undefined;
  if (cached) return cached;
  const { JSDOM } = scope.require("jsdom") as { JSDOM: typeof JSDOMType };
  const source = readFileSync(OFFICE_JS_LIBRARY, "utf8");
  const dom = new JSDOM("<!doctype html><html><head></head><body></body></html>", {
    runScripts: "outside-only",
    url: "https://localhost/taskpane.html",
  });
  dom.window.eval(source);
  const window = dom.window as unknown as LoadedOfficeClient["window"];
  const loaded: LoadedOfficeClient = {
    Excel: window.Excel as OfficeClient["Excel"],
    OfficeExtension: window.OfficeExtension as OfficeClient["OfficeExtension"],
    window,
  };
  scope.global[CACHE_KEY] = loaded;
  return loaded;
}
