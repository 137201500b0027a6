// exceljs for jest (jest.config.js maps the package's main entry here): the same Workbook class and enums from the
// package's own files, with its streaming reader and writer loaded only if a test reads them.
//
// Why: the package's entry (lib/exceljs.nodejs.js) also requires the streaming WorkbookReader and WorkbookWriter,
// and with them archiver, unzipper and their stream libraries: 660 modules against the Workbook's 278 (262 ms
// against 107 ms of CPU to load in plain Node). Jest loads a package again for every test file, and about half
// the test files build or read a workbook; neither the project nor its tests use the streaming classes. The
// Workbook, its .xlsx reader and writer, and every value and enum are the package's, unchanged.
// tests/xlsx/exceljs-entry.test.ts checks the exports against the package's entry.
const ExcelJS = { Workbook: require("exceljs/lib/doc/workbook") };
Object.assign(ExcelJS, require("exceljs/lib/doc/enums"));

const lazy = (name, load) =>
  Object.defineProperty(ExcelJS, name, { enumerable: true, configurable: true, get: load });
lazy("ModelContainer", () => require("exceljs/lib/doc/modelcontainer"));
lazy("stream", () => ({
  xlsx: {
    WorkbookWriter: require("exceljs/lib/stream/xlsx/workbook-writer"),
    WorkbookReader: require("exceljs/lib/stream/xlsx/workbook-reader"),
  },
}));

module.exports = ExcelJS;
