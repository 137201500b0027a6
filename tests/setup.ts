// Shared jest setup. jsdom-only stubs live behind a guard so node-environment tests are unaffected.
import { TextDecoder, TextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { setOfficeClient } from "../src/excel-sim/office-client";

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

// toEqual with a fast path. Tests compare whole workbook snapshots (every cell's value, format and style) before and
// after a refresh; jest's general-purpose equality spent a fifth of those suites' time there. When two values are
// plain data (primitives, arrays, plain objects) and identical, toEqual's looser rule passes them too, so that
// answer is given at once; anything else (a difference, undefined properties, asymmetric matchers such as
// expect.any, class instances, Maps) goes to jest's own toEqual, with its messages and diff.
{
  const isPlain = (o: object): boolean => {
    const proto = Object.getPrototypeOf(o) as object | null;
    // Objects from another realm (structuredClone's, the test's) have another Object.prototype: compare by name.
    return proto === null || Object.getPrototypeOf(proto) === null;
  };
  const identical = (a: unknown, b: unknown): boolean => {
    if (a === b) return typeof a !== "number" || a !== 0 || 1 / a === 1 / (b as number);
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
      return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
    }
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (!(i in a) || !(i in b) || !identical(a[i], b[i])) return false;
      return true;
    }
    if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = Object.keys(ra);
    if (keys.length !== Object.keys(rb).length) return false;
    if (Object.getOwnPropertySymbols(a).length || Object.getOwnPropertySymbols(b).length) return false;
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(rb, k) || ra[k] === undefined || !identical(ra[k], rb[k])) {
        return false;
      }
    }
    return true;
  };
  type Matcher = (this: unknown, received: unknown, expected: unknown) => unknown;
  const state = (globalThis as Record<symbol, { matchers?: Record<string, Matcher> }>)[
    Symbol.for("$$jest-matchers-object")
  ];
  const jestToEqual = state?.matchers?.toEqual;
  if (jestToEqual) {
    expect.extend({
      toEqual(this: jest.MatcherContext, received: unknown, expected: unknown) {
        if (identical(received, expected)) {
          return {
            pass: true,
            message: () =>
              `${this.utils.matcherHint(".not.toEqual")}\n\nExpected: not ${this.utils.printExpected(expected)}\n`,
          };
        }
        return jestToEqual.call(this, received, expected) as jest.CustomMatcherResult;
      },
    });
  }
}
