// Shared jest setup. jsdom-only stubs live behind a guard so node-environment tests are unaffected.
import { setOfficeClient } from "./support/excel-sim/office-client";

if (typeof window !== "undefined") {
  // Fluent UI's MessageBar observes its own size; jsdom has no ResizeObserver.
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const w = window as unknown as { ResizeObserver?: unknown };
  if (!w.ResizeObserver) w.ResizeObserver = ResizeObserverStub;
}

// The in-memory Excel answers Microsoft's own Office.js client, loaded into jsdom the first time a test runs it.
setOfficeClient(async () => (await import("./support/office-js")).loadOfficeClient());
export {};
