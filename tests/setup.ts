// Shared jest setup. jsdom-only stubs live behind a guard so node-environment tests are unaffected.
import { TextDecoder, TextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { setOfficeClient } from "./support/excel-sim/office-client";

if (typeof window !== "undefined") {
  // Fluent UI's MessageBar observes its own size; jsdom has no ResizeObserver.
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const w = window as unknown as { ResizeObserver?: unknown; TextEncoder?: unknown; TextDecoder?: unknown };
  if (!w.ResizeObserver) w.ResizeObserver = ResizeObserverStub;
  // Every browser has these (the gateway measures request bytes with them); jest's jsdom does not.
  if (!w.TextEncoder) Object.assign(globalThis, { TextEncoder, TextDecoder });
  // The in-memory Excel copies the workbook for each sync that writes, as a browser's structuredClone does.
  if (typeof structuredClone === "undefined") {
    Object.assign(globalThis, { structuredClone: <T>(value: T): T => deserialize(serialize(value)) as T });
  }
}

// The in-memory Excel answers Microsoft's own Office.js client, loaded into jsdom the first time a test runs it.
setOfficeClient(async () => (await import("./support/office-js")).loadOfficeClient());
export {};
