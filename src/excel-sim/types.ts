// The simulator's public types: its options, sim.run's two forms, the hooks between syncs, what importXlsx takes
// and what is recorded of each round trip.
import type { SideChannel } from "./xlsx";

export interface ExcelSimOptions {
  /** Largest request or response a sync may carry, in bytes of its JSON (Excel on the web: 5 MB). */
  maxPayloadBytes?: number;
  /** Largest range a read or write may touch (Excel: 5,000,000 cells). */
  maxCells?: number;
  /**
   * What an *OrNullObject call made on a null object does: "lenient" (default) gives another null object;
   * "strict" fails the whole sync with InvalidObjectPath. Real Excel's behaviour here is not documented, so the
   * gateway is tested against both.
   */
  nullObjectCalls?: "lenient" | "strict";
  /**
   * What a failing sync leaves: "atomic" (default) applies nothing of its batch; "partial" keeps the operations
   * that ran before the failing one, as Excel does.
   */
  failedBatches?: "atomic" | "partial";
}

/** Excel.run's options that the simulator honours (passed to the client's Excel.run). */
export interface SimRunOptions {
  /** Wait while the user is editing a cell instead of failing with InvalidOperationInCellEditMode. */
  delayForCellEdit?: boolean;
}

/** sim.run: Excel.run's two forms, (batch) and (options, batch). */
export interface SimRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(options: SimRunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Called before each sync (awaited), so a test can act between two syncs of a run: start another, switch focus.
 * `run` numbers the sim.run calls from 1, so a test can tell two runtimes' syncs apart.
 */
export type SyncHook = (sync: {
  count: number;
  run: number;
  context: Excel.RequestContext;
}) => void | Promise<void>;

/** Excel.SettingsChangedEventArgs as the simulator gives it. */
export interface SimSettingsChangedEvent {
  type: "SettingsChanged";
}

export interface ImportXlsxOptions {
  /** File name the workbook reports as `workbook.name` (default "Book1.xlsx"). */
  name?: string;
  /** What exportXlsx could not put in the file, for a full round trip. */
  sideChannel?: SideChannel;
}

export function isSideChannel(value: ImportXlsxOptions | SideChannel | undefined): value is SideChannel {
  return value !== undefined && "charts" in value && "customProperties" in value;
}

/** One round trip from the client: the real sizes of its request and response. */
export interface SyncRecord {
  /** UTF-8 bytes of the request body, JSON.stringify(message.Body), as Excel on the web receives it. */
  requestBytes: number;
  /** UTF-8 bytes of the response body's JSON. */
  responseBytes: number;
  /** Actions in the request. */
  actions: number;
  /**
   * True for the request Excel.run sends after the batch to release the ranges it kept (only _RemoveReference
   * actions). It is not a context.sync(), and Office does not wait for it.
   */
  cleanup: boolean;
}
