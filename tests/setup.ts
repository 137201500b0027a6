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
}
export {};
