// A fresh machine installs the project with `npm ci` and compiles nothing: no addon built with node-gyp, every
// install script named in package.json's allowScripts, and the fast test tier leaving out only the slow suites.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optional?: boolean;
}

const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};

/** `node_modules/a/node_modules/@b/c` -> `@b/c`. */
const nameOf = (path: string): string =>
  path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
const installed = Object.entries(lock.packages).filter(([path]) => path.startsWith("node_modules/"));

describe("npm ci on a fresh machine", () => {
  it("installs no native credential store or other addon that would be compiled with node-gyp", () => {
    const native = installed
      .filter(([, entry]) => entry.dependencies?.["node-gyp"] || entry.dependencies?.["prebuild-install"])
      .map(([path]) => nameOf(path));
    expect(native).toEqual([]);
    for (const name of ["keytar", "@microsoft/m365agentstoolkit-cli", "@azure/msal-node-extensions"]) {
      expect(installed.map(([path]) => nameOf(path))).not.toContain(name);
    }
  });

  it("names every package with an install script in allowScripts, so npm runs none unreviewed", () => {
    const withScripts = [...new Set(installed.filter(([, e]) => e.hasInstallScript).map(([p]) => nameOf(p)))];
    expect(withScripts.length).toBeGreaterThan(0); // esbuild and @swc/core at least
    expect(withScripts.filter((name) => !(name in (pkg.allowScripts ?? {})))).toEqual([]);
  });

  it("allows only install scripts that check a binary shipped in a registry package, never one that compiles", () => {
    for (const [name, allowed] of Object.entries(pkg.allowScripts ?? {})) {
      const entry = installed.find(([path]) => nameOf(path) === name)?.[1];
      expect(entry).toBeDefined();
      if (!allowed) continue;
      // The allowed ones ship their binaries as optional per-platform packages of the registry.
      expect(Object.keys(entry?.optionalDependencies ?? {}).length).toBeGreaterThan(0);
    }
  });

  it("runs the sideloading tool on demand instead of installing it with the project", () => {
    expect(pkg.devDependencies).not.toHaveProperty("office-addin-debugging");
    for (const script of ["start", "start:web", "stop"]) {
      expect(pkg.scripts[script]).toMatch(/^npx --yes office-addin-debugging@\d+ /);
    }
  });
});

describe("test tiers", () => {
  const config = require("../jest.config.js") as { SLOW_SUITES: string[] };
  const fast = require("../jest.fast.config.js") as { testPathIgnorePatterns: string[] };

  it("lists slow suites that exist", () => {
    expect(config.SLOW_SUITES.length).toBeGreaterThan(0);
    for (const suite of config.SLOW_SUITES) expect(existsSync(suite.replace("<rootDir>", ROOT))).toBe(true);
  });

  it("npm run test:fast leaves out exactly the slow suites; npm test runs everything", () => {
    expect(fast.testPathIgnorePatterns).toEqual(["/node_modules/", ...config.SLOW_SUITES]);
    expect(Object.keys(config)).not.toContain("testPathIgnorePatterns");
    // Both run the type-check, the lint and jest side by side (scripts/check.mjs); --fast picks the fast config.
    expect(pkg.scripts.test).toBe("node scripts/check.mjs");
    expect(pkg.scripts["test:fast"]).toBe("node scripts/check.mjs --fast");
    const check = readFileSync(join(ROOT, "scripts/check.mjs"), "utf8");
    // The type-check is TypeScript 7's native tsc (package typescript-7), in both and in npm run typecheck.
    expect(check).toContain(`const tsc7 = node(join("typescript-7", "bin", "tsc"));`);
    expect(check).toContain(`...tsc7, args: ["--noEmit", "-p", "tsconfig.json"]`);
    expect(pkg.scripts.typecheck).toBe("node node_modules/typescript-7/bin/tsc --noEmit -p tsconfig.json");
    expect(pkg.devDependencies["typescript-7"]).toMatch(/^npm:typescript@~7\./);
    expect(check).toContain(`node(join("eslint", "bin", "eslint.js")`);
    expect(check).toContain(`node(join("jest", "bin", "jest.js")`);
    expect(check).toContain(`fast ? ["-c", "jest.fast.config.js"] : []`);
  });
});
