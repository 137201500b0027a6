// Entry point of the Office.js gateway: the refresh wired to the real engine and layout.
import { runEngine } from "../core/engine";
import { planSheets } from "../layout/index";
import type { ExcelRunner, WorkbookGateway } from "./api";
import { createGatewayWith, type GatewayDeps } from "./workbook-gateway";

export { readWorkbook } from "./read";
export { applyPlan } from "./apply-plan";
export type { GatewayDeps } from "./workbook-gateway";

/** The gateway over `run` (Excel.run in Office); `deps` replaces parts for tests and the preview. */
export function createWorkbookGateway(run: ExcelRunner, deps: Partial<GatewayDeps> = {}): WorkbookGateway {
  return createGatewayWith(run, { runEngine, planSheets, ...deps });
}
