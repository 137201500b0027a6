// The core and the layout are pure: no spreadsheet library, UI, file system or Office globals, and their arrows
// point inward (the layout may use the core; the core uses nothing outside itself); no browser globals, timers,
// clock or randomness, so the same tracker gives the same summary and page. Every module of src/core and
// src/layout is checked, so a new one is covered the day it is added.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = [...modules("src/core"), ...modules("src/layout")];
/** What each layer may import from. */
const ALLOWED: Record<string, string[]> = { core: ["src/core"], layout: ["src/core", "src/layout"] };
/** The one place the current time is read: runEngine's default for `now`. */
const CLOCK_DEFAULT = join("src", "core", "engine.ts");

it("covers every module of src/core and src/layout", () => {
  expect(files.length).toBeGreaterThan(60);
  expect(files).toContain(join("src", "core", "read", "table.ts"));
  expect(files).toContain(join("src", "layout", "blocks", "key-risks.ts"));
  expect(files).toContain(join("src", "core", "model", "history.ts"));
  expect(files).toContain(CLOCK_DEFAULT);
});

describe.each(files)("%s", (file) => {
  const source = readFileSync(file, "utf8");
  // Comments may name Office.js; the code may not use it.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const layer = file.split(/[\\/]/)[1];

  it("imports only other core modules", () => {
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(imports.filter((i) => !i.startsWith("."))).toEqual([]);
    const outside = imports
      .map((i) => relative(process.cwd(), resolve(dirname(file), i)))
      .filter((target) => !ALLOWED[layer].some((dir) => target === dir || target.startsWith(`${dir}/`)));
    expect(outside).toEqual([]);
  });

  it("does not touch Office.js globals", () => {
    expect(code).not.toMatch(/\b(Excel|Office)\.\w/);
  });

  it("reads no file, environment or module at run time", () => {
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bimport\(/);
  });

  it("uses no browser globals or timers", () => {
    // A global object used (`window.x`); a parameter may be called `window` (a rolling average's).
    expect(code).not.toMatch(/\b(document|window|globalThis|self|navigator)\s*[.[]/);
    const calls = /\b(fetch|setTimeout|setInterval|queueMicrotask|requestAnimationFrame)\s*\(/;
    expect(code).not.toMatch(calls);
    expect(code).not.toMatch(
      /\b(localStorage|sessionStorage|indexedDB|XMLHttpRequest|WebSocket|HTMLElement)\b/,
    );
  });

  it("reads no clock and draws no random numbers", () => {
    expect(code).not.toMatch(/\bDate\.now\(|\bMath\.random\(|\bperformance\.now\(|\bcrypto\./);
    // "now" is the caller's: the engine's entry point alone falls back to the clock when it is not given.
    const clockReads = [...code.matchAll(/\bnew Date\(\s*\)/g)].length;
    expect(clockReads).toBe(file === CLOCK_DEFAULT ? 1 : 0);
  });
});
