/**
 * Jest: TypeScript through SWC (type-checking is `npm run typecheck`), each module then wrapped so the built-ins it
 * reads are its own bindings rather than lookups on jest's sandbox global (tests/support/jest-transform.js says why).
 */
const swc = [
  "<rootDir>/tests/support/jest-transform.js",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

/**
 * Suites that need LibreOffice, Chromium, a production build or a very large tracker. `npm test` (and CI) runs
 * them with everything else; `npm run test:fast` (jest.fast.config.js) leaves them out.
 */
const SLOW_SUITES = [
  "<rootDir>/tests/browser/",
  "<rootDir>/tests/build.test.ts",
  "<rootDir>/tests/xlsx/libreoffice.test.ts",
  "<rootDir>/tests/hardening/scale.test.ts",
  "<rootDir>/tests/hardening/corpus-large.test.ts",
  "<rootDir>/tests/xlsx/write-scale.test.ts",
  "<rootDir>/tests/excel/gateway-scale.test.ts",
];

module.exports = {
  testEnvironment: "node",
  transform: { "^.+\\.(t|j)sx?$": swc },
  testMatch: ["<rootDir>/tests/**/*.test.ts", "<rootDir>/tests/**/*.test.tsx"],
  setupFilesAfterEnv: ["<rootDir>/tests/setup.ts"],
  moduleNameMapper: {
    // Fluent's icons, each loaded when first drawn instead of all 60 chunks per test file (the file says why).
    "^@fluentui/react-icons$": "<rootDir>/tests/support/fluent-icons.js",
    // ExcelJS's Workbook and enums without its streaming classes, which nothing uses (the file says why).
    "^exceljs$": "<rootDir>/tests/support/exceljs.js",
  },
  testTimeout: 30000,
  // Two workers on this project's 2-core machines: the main process mostly waits, so both cores run suites.
  maxWorkers: 2,
  // A worker whose heap passed 1.5 GB after a test file is replaced by a fresh one. The 200,000-row scale suite
  // leaves its worker above 3 GB, which then took longer to shut down than jest waits at the end of the run ("A
  // worker process has failed to exit gracefully and has been force exited"); the other suites stay under 1 GB.
  workerIdleMemoryLimit: "1.5GB",
};
// Not a jest option: kept out of jest's option check (which would warn about it) but readable by the fast config.
Object.defineProperty(module.exports, "SLOW_SUITES", { value: SLOW_SUITES, enumerable: false });
