// The merged ranges of each sheet the sample's plan holds, and how many fall inside the tables the page draws (the
// plan's tableRegions): the figures docs/page-layout.md quotes. Usage: npx tsx scripts/merges-report.ts [-v]
// (-v lists each merge, "IN <table>" or "out", with the start of its text).
import { runEngine } from "../src/core/engine";
import { planSheets } from "../src/layout";
import { readXlsxFile } from "../src/xlsx/read";
import { parseRangeAddress } from "../src/core/a1";

async function main() {
  const raw = await readXlsxFile("assets/sample-tracker.xlsx");
  const plan = planSheets(runEngine(raw, { now: new Date("2025-01-08T09:30:00Z") }));
  for (const s of plan.sheets) {
    const regions = (s.tableRegions ?? []).map((r) => ({ name: r.name, r: parseRangeAddress(r.range)! }));
    let inside = 0;
    for (const m of s.merges) {
      const r = parseRangeAddress(m)!;
      const reg = regions.find(
        (g) => g.r.top <= r.bottom && r.top <= g.r.bottom && g.r.left <= r.right && r.left <= g.r.right,
      );
      if (reg) inside++;
      if (process.argv.includes("-v"))
        console.log(
          `${reg ? "IN " + reg.name : "out"}\t${m}\t${String(s.values[r.top]?.[r.left]).slice(0, 90)}`,
        );
    }
    console.log(
      `${s.name}: ${s.merges.length} merges, ${inside} inside ${regions.length} table regions; ${s.values.length} rows; widths ${s.columnWidths.map((c) => c.width).join(",")}`,
    );
    console.log(`  page breaks: ${s.print?.rowBreaks?.length ?? 0}`);
  }
}
main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
