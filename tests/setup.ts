// Shared jest setup. jsdom-only stubs live behind a guard so node-environment tests are unaffected.
if (typeof window !== "undefined") {
  // Fluent UI's MessageBar observes its own size; jsdom has no ResizeObserver.
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const w = window as unknown as { ResizeObserver?: unknown };
  if (!w.ResizeObserver) w.ResizeObserver = ResizeObserverStub;
  // jest's jsdom environment leaves out structuredClone, which the in-memory Excel copies its state with (pane
  // tests that drive the real gateway over it); Node's own serialiser is the same algorithm.
  const g = globalThis as { structuredClone?: <T>(value: T) => T };
  if (!g.structuredClone) {
    const v8 = require("node:v8") as typeof import("node:v8");
    g.structuredClone = <T>(value: T): T => v8.deserialize(v8.serialize(value)) as T;
  }
  // ... and TextEncoder and TextDecoder, which it and the jsdom that holds Office.js use.
  const t = globalThis as { TextEncoder?: unknown; TextDecoder?: unknown };
  const util = require("node:util") as typeof import("node:util");
  t.TextEncoder ??= util.TextEncoder;
  t.TextDecoder ??= util.TextDecoder;
}
export {};
