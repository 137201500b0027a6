// Turns bench/results.json into docs/benchmarks.md and the headline table in the README (between markers),
// so the figures quoted in the docs are always those of the latest real run.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

type Json = Record<string, unknown>;
interface Results {
  machine: Json;
  date: string;
  parts: Record<string, Json>;
}

/** Reads `a.b.c` from nested results; undefined when any step is missing. */
function at(o: unknown, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Json)[k] : undefined), o);
}

const n = (v: unknown, digits = 0): string =>
  typeof v === "number" ? v.toLocaleString("en-GB", { maximumFractionDigits: digits }) : "n/a";
const ms = (v: unknown): string => (typeof v === "number" ? `${n(v, v < 100 ? 1 : 0)} ms` : "n/a");
const kb = (v: unknown): string => (typeof v === "number" ? `${n(v / 1024, 0)} KB` : "n/a");

/** A read's median wall time, its CPU time and the process's peak memory: "4,797 ms (4,100 ms CPU), 171 MB". */
const readFig = (p: unknown, key: string): string =>
  `${ms(at(p, `read.${key}.wallMs`))} (${ms(at(p, `read.${key}.cpuMs`))} CPU), ${n(at(p, `read.${key}.peakRssMb`))} MB`;

/** The headline rows: what each issue asks to be measured, with the target where there is one. */
function headlineRows(r: Results): [string, string, string][] {
  const p = r.parts;
  return [
    ["Engine, sample tracker (raw workbook -> summary)", ms(at(p, "engine.sample.medianMs")), ""],
    [`Engine, 10x tracker (${n(at(p, "engine.x10.rows"))} rows)`, ms(at(p, "engine.x10.medianMs")), ""],
    [
      `Engine, 100x tracker (${n(at(p, "engine.x100.rows"))} rows)`,
      ms(at(p, "engine.x100.medianMs")),
      "< 1,000 ms",
    ],
    ["Engine growth, time(100x) / time(10x)", n(at(p, "engine.ratio100xTo10x"), 2), "<= 12"],
    [
      "Sheet plan, sample / 10x / 100x tracker",
      [
        ms(at(p, "xlsx.trackers.x1.planMs")),
        ms(at(p, "xlsx.trackers.x10.planMs")),
        ms(at(p, "xlsx.trackers.x100.planMs")),
      ].join(" / "),
      "linear",
    ],
    [
      ".xlsx write (styles + 9 native charts), sample / 10x / 100x tracker",
      [
        ms(at(p, "xlsx.trackers.x1.writeMs")),
        ms(at(p, "xlsx.trackers.x10.writeMs")),
        ms(at(p, "xlsx.trackers.x100.writeMs")),
      ].join(" / "),
      "linear",
    ],
    [
      ".xlsx write / bare ExcelJS write of the same cells, sample / 100x tracker",
      `${n(at(p, "xlsx.trackers.x1.ratioToBare"), 2)} / ${n(at(p, "xlsx.trackers.x100.ratioToBare"), 2)}`,
      "",
    ],
    [
      "Syncs per refresh (read + write), sample / sample again / 10x / 100x / 200,000-row tracker (Office.js client)",
      (["sample", "sampleAgain", "x10", "x100", "rows200k"] as const)
        .map(
          (k) =>
            `${n(at(p, `addin.${k}.syncs`))} (${n(at(p, `addin.${k}.readSyncs`))} + ${n(at(p, `addin.${k}.writeSyncs`))})`,
        )
        .join(" / "),
      "sample <= 4",
    ],
    [
      "Request bytes per refresh, all round trips, sample / sample again / 10x / 100x / 200,000-row tracker (Office.js client)",
      (["sample", "sampleAgain", "x10", "x100", "rows200k"] as const)
        .map((k) => kb(at(p, `addin.${k}.totalRequestBytes`)))
        .join(" / "),
      "sample <= 300 KB",
    ],
    [
      "Largest request, sample / 10x / 100x / 200,000-row tracker (Office.js client)",
      (["sample", "x10", "x100", "rows200k"] as const)
        .map((k) => kb(at(p, `addin.${k}.largestRequestBytes`)))
        .join(" / "),
      "<= 4 MB",
    ],
    [
      "Largest response, 100x / 200,000-row tracker (Office.js client)",
      `${kb(at(p, "addin.x100.largestResponseBytes"))} / ${kb(at(p, "addin.rows200k.largestResponseBytes"))}`,
      "< 5 MB",
    ],
    [
      "Task pane JavaScript, production, gzip (first load; + all chunks loaded on demand: engine, layout, writer, mapping step, sections)",
      `${n(at(p, "pane.taskpaneJsGzipKB"), 1)} KB (+ ${n(at(p, "pane.lazyChunksGzipKB"), 1)} KB)`,
      "<= 160 KB",
    ],
    ["Pane first render in headless Chromium (preview)", ms(at(p, "pane.previewFirstRenderMsMedian")), ""],
    ["Click Refresh summary -> results, sample (preview)", ms(at(p, "pane.refreshToResultsMsMedian")), ""],
    [
      "CLI end to end on the sample / bare ExcelJS read + write",
      `${ms(at(p, "cli.cliMs"))} / ${ms(at(p, "cli.bareReadWriteMs"))} = ${n(at(p, "cli.ratioToBare"), 2)}`,
      "",
    ],
    [
      "Read .xlsx, sample / 100x tracker: wall (CPU), peak memory of the process",
      `${readFig(p, "sample")} / ${readFig(p, "x100")}`,
      "",
    ],
    [`Read .xlsx, 400x tracker (${n(at(p, "read.x400.filledCells"))} filled cells)`, readFig(p, "x400"), ""],
    [
      "Read the sample formatted to row 1,048,576 / to column XFD on every sheet",
      `${readFig(p, "formattedToLastRow")} / ${readFig(p, "formattedToLastColumn")}`,
      "< 10 s, < 1 GB",
    ],
    [
      "1 GB zip bomb refused, size declared / size hidden",
      `${readFig(p, "zipBomb")} / ${readFig(p, "zipBombLying")}`,
      "< 10 s",
    ],
    [
      "Largest tracker computed (engine + plan) within 5 s",
      `factor ${n(at(p, "scale.largestWithinWindow.factor"))}: ${n(at(p, "scale.largestWithinWindow.rows"))} rows in ${ms(at(p, "scale.largestWithinWindow.medianMs"))}`,
      "< 5,000 ms",
    ],
  ];
}

function table(rows: [string, string, string][]): string {
  return [
    "| Measure | Result | Target |",
    "| --- | --- | --- |",
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
  ].join("\n");
}

function renderReport(r: Results): string {
  const m = r.machine;
  return [
    "# Benchmarks",
    "",
    "<!-- Written by `npm run bench` (bench/run.ts -> bench/report.ts) from bench/results.json. Do not edit by hand. -->",
    "",
    `Run on ${String(r.date).slice(0, 10)}: ${String(m.cpuModel)}, ${String(m.cores)} cores, ${String(m.memoryGb)} GB, ` +
      `Node ${String(m.node)}, load average ${String(m.loadAverage1m)} at the start. Medians of several runs; ` +
      "the machine is shared, so compare ratios within one run rather than absolute times across runs.",
    "",
    table(headlineRows(r)),
    "",
    "Every figure, with its minimum, maximum and number of runs, is in `bench/results.json`. What each part measures:",
    "",
    ...Object.entries(r.parts).map(
      ([name, part]) => `- **${name}** (\`bench/part-${name}.ts\`): ${String(part.description ?? "")}`,
    ),
    "",
  ].join("\n");
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** Replaces the README's table between the bench markers. */
function updateReadme(readme: string, r: Results): string {
  const i = readme.indexOf(START);
  const j = readme.indexOf(END);
  if (i < 0 || j < i) return readme;
  const body = `\nFrom the run of ${String(r.date).slice(0, 10)} (full report: docs/benchmarks.md):\n\n${table(headlineRows(r))}\n`;
  return readme.slice(0, i + START.length) + body + readme.slice(j);
}

export function writeReports(root: string): void {
  const r = JSON.parse(readFileSync(join(root, "bench", "results.json"), "utf8")) as Results;
  writeFileSync(join(root, "docs", "benchmarks.md"), renderReport(r));
  const readmePath = join(root, "README.md");
  writeFileSync(readmePath, updateReadme(readFileSync(readmePath, "utf8"), r));
}

if (process.argv[1] && /bench[\\/]report\.[cm]?[tj]s$/.test(process.argv[1]))
  writeReports(join(__dirname, ".."));
