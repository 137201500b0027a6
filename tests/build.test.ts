// The production build: one webpack run (about a minute, shared by every suite that needs it) must emit the
// add-in's pages and a manifest whose URLs point at the production host.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, buildLog, ensureBuild } from "./support/production-build";

const configure = require("../webpack.config.js") as {
  PRODUCTION_URL: string;
  PAGES: { name: string; script: string; html: string }[];
};

jest.setTimeout(600_000);

describe("npm run build (production)", () => {
  // The run's one production build (shared with the browser tests and the pane benchmark), in its own folder
  // under test-output/, so the test never disturbs a dist/ someone is serving.
  let outDir = "";

  beforeAll(() => {
    outDir = ensureBuild();
  });

  it("compiles without errors", () => {
    // webpack-cli exits non-zero on an error (ensureBuild then throws); its last line says how it compiled.
    expect(buildLog(outDir)).toMatch(/compiled successfully/);
    expect(buildLog(outDir)).not.toMatch(/compiled with \d+ (error|warning)/);
  });

  it("emits a page for every entry whose sources exist, always including the ribbon's commands page", () => {
    const present = configure.PAGES.filter((p) => existsSync(join(ROOT, p.script)));
    expect(present.map((p) => p.name)).toContain("commands");
    for (const page of present) {
      const html = readFileSync(join(outDir, `${page.name}.html`), "utf8");
      expect(html).toMatch(new RegExp(`<script[^>]+src="?[^"\\s>]*${page.name}\\.[0-9a-f]+\\.js`));
    }
  });

  it("the task pane and commands pages load office.js from Microsoft's CDN", () => {
    for (const page of ["taskpane", "commands"]) {
      if (!existsSync(join(outDir, `${page}.html`))) continue;
      expect(readFileSync(join(outDir, `${page}.html`), "utf8")).toContain(
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      );
    }
  });

  it("writes the manifest with the production URL in place of https://localhost:3000/", () => {
    const manifest = readFileSync(join(outDir, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`${configure.PRODUCTION_URL}taskpane.html`);
    expect(manifest).toContain(`${configure.PRODUCTION_URL}commands.html`);
  });

  it("copies the ribbon icons, and for the preview only office.js and the Excel web client, not Microsoft's whole dist", () => {
    expect(readdirSync(join(outDir, "assets")).sort()).toEqual(
      expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]),
    );
    if (existsSync(join(ROOT, "src/preview/index.tsx"))) {
      // office.js loads o15apptofilemappingtable.js from its own folder; the preview runs Microsoft's Excel web
      // library (excel-web-16.00.js) in a frame of its own page, with the in-memory Excel as its host.
      expect(readdirSync(join(outDir, "office-js")).sort()).toEqual([
        "excel-client.html",
        "excel-web-16.00.js",
        "o15apptofilemappingtable.js",
        "office.js",
      ]);
    } else {
      expect(existsSync(join(outDir, "office-js"))).toBe(false);
    }
  });

  it("minifies the scripts", () => {
    const commands = readdirSync(outDir).find((f) => /^commands\.[0-9a-f]+\.js$/.test(f));
    expect(commands).toBeDefined();
    const code = readFileSync(join(outDir, commands as string), "utf8");
    expect(code.split("\n").length).toBeLessThan(20);
  });
});
