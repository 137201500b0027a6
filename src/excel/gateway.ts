// Entry point of the Office.js gateway: the refresh wired to the real engine and layout. The engine's figures, the
// layout (and the writer, see workbook-gateway.ts) load on the first refresh, not with the pane: the pane's first
// download stays within its budget, and a pane opened only to review never fetches them.
import type { ExcelRunner, WorkbookGateway } from "./api";
import { createGatewayWith, type GatewayDeps } from "./workbook-gateway";

export type { GatewayDeps } from "./workbook-gateway";

/** The gateway over `run` (Excel.run in Office); `deps` replaces parts for tests and the preview. */
export function createWorkbookGateway(run: ExcelRunner, deps: Partial<GatewayDeps> = {}): WorkbookGateway {
  const planSheets: GatewayDeps["planSheets"] = async (summary) =>
    (await import("../layout/index")).planSheets(summary);
  const runEngine: GatewayDeps["runEngine"] = async (raw, options) =>
    (await import("../core/engine")).runEngine(raw, options);
  return createGatewayWith(run, { runEngine, planSheets, ...deps });
}
