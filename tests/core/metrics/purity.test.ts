// The engine's metric and summary modules are pure: no spreadsheet library, UI, file system or Office globals.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const files = [
  ...readdirSync("src/core/metrics").map((f) => join("src/core/metrics", f)),
  ...readdirSync("src/core/outlook").map((f) => join("src/core/outlook", f)),
  "src/core/settings.ts",
  "src/core/kpis.ts",
  "src/core/programmes.ts",
  "src/core/definitions.ts",
  "src/core/summarise.ts",
  "src/core/engine.ts",
];

describe.each(files)("%s", (file) => {
  const source = readFileSync(file, "utf8");

  it("imports only other core modules", () => {
    const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
    expect(imports.filter((i) => !i.startsWith("."))).toEqual([]);
  });

  it("does not touch Office.js globals", () => {
    expect(source).not.toMatch(/\b(Excel|Office)\.\w/);
  });
});
