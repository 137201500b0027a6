// The three council layouts in tests/fixtures/layouts hold the sample's data: read through their mapping (saved in
// the workbook, or suggested), each must give the sample's summary figures; the sample itself needs no mapping.
import { readFileSync } from "node:fs";
import { SAVED_MAPPING_KEY } from "../../../src/core/engine-api";
import { runEngine } from "../../../src/core/engine";
import { suggestMapping } from "../../../src/core/mapping";
import type { PortfolioSummary } from "../../../src/core/model";
import type { RawWorkbook } from "../../../src/core/raw";
import { readXlsxFile } from "../../../src/xlsx/read";

const NOW = new Date("2025-01-10T09:00:00Z");
const LAYOUTS = ["months-across", "per-programme", "risk-table"] as const;
const dir = "tests/fixtures/layouts";

/** The figures a board reads: KPIs, key risks, the monthly tables, workstream counts, milestones. */
function figures(s: PortfolioSummary) {
  return {
    kpis: s.kpis.map((k) => ({
      id: k.id,
      actual: k.actual,
      target: k.target,
      variance: k.variance,
      status: k.status,
    })),
    keyRisks: s.keyRisks.map((r) => ({ id: r.id, score: r.score, owner: r.owner })),
    ehcpMonthly: s.ehcpMonthly,
    inmssMonthly: s.inmssMonthly,
    workstreams: s.workstreamStatus.map((w) => ({
      programme: w.programme,
      counts: w.counts,
      total: w.total,
    })),
    milestones: s.programmes.map((p) => p.milestones),
    places: s.specialSchoolPlaces,
    notComputed: s.notComputed,
    errors: s.issueCounts.error,
  };
}

const withMapping = (raw: RawWorkbook, mapping: unknown): RawWorkbook => ({
  ...raw,
  savedSettings: { ...raw.savedSettings, [SAVED_MAPPING_KEY]: mapping },
});

let sample: PortfolioSummary;
const raws: Record<string, RawWorkbook> = {};
beforeAll(async () => {
  const sampleRaw = await readXlsxFile("assets/sample-tracker.xlsx");
  sample = runEngine(sampleRaw, { now: NOW });
  for (const name of LAYOUTS) raws[name] = await readXlsxFile(`${dir}/${name}.xlsx`);
});

describe("a council layout read through its mapping gives the sample's figures", () => {
  it("the sample itself reproduces the dashboard: 6357 EHCPs, key risks 20 and 16", () => {
    expect(sample.kpis[0]).toMatchObject({ actual: 6357, target: 5707 });
    expect(sample.keyRisks.map((r) => r.score)).toEqual([20, 16]);
  });

  it.each(LAYOUTS)("%s, with the mapping file saved in the workbook", (name) => {
    const mapping = JSON.parse(readFileSync(`${dir}/${name}.mapping.json`, "utf8")) as unknown;
    const summary = runEngine(withMapping(raws[name], mapping), { now: NOW });
    expect(figures(summary)).toEqual(figures(sample));
  });

  it.each(LAYOUTS)("%s, without a mapping, cannot be read as the template", (name) => {
    const summary = runEngine(raws[name], { now: NOW });
    expect(figures(summary)).not.toEqual(figures(sample));
  });

  it("months across: a problem in the data points at the real cell (Sep-24's typed 5.85% in AE17)", () => {
    const mapping = JSON.parse(readFileSync(`${dir}/months-across.mapping.json`, "utf8")) as unknown;
    const summary = runEngine(withMapping(raws["months-across"], mapping), { now: NOW });
    const slip = summary.issues.find((i) => i.code === "typed_value_mismatch");
    expect(slip).toMatchObject({ sheet: "Monthly Dashboard Data", cell: "AE17" });
    expect(slip?.message).toContain("354 (AE8) / 6,059 (AE4)");
  });
});

describe("the suggested mapping", () => {
  it("the template sample needs no mapping step", async () => {
    const suggestion = suggestMapping(await readXlsxFile("assets/sample-tracker.xlsx"));
    expect(suggestion.needsMapping).toBe(false);
    expect(suggestion.mapping.sections).toEqual({});
    expect(suggestion.sections.every((s) => s.asTemplate)).toBe(true);
  });

  it.each(LAYOUTS)("%s: the best guess reads the same figures as the sample", (name) => {
    const suggestion = suggestMapping(raws[name]);
    expect(suggestion.needsMapping).toBe(true);
    const summary = runEngine(withMapping(raws[name], suggestion.mapping), { now: NOW });
    expect(figures(summary)).toEqual(figures(sample));
  });

  it("months across: finds the month row and label column, and asks a person to check the weakest label", () => {
    const s = suggestMapping(raws["months-across"]);
    expect(s.mapping.sections.monthly).toMatchObject({
      source: { sheet: "Monthly Dashboard Data" },
      layout: "months_across",
      headerRow: 3,
      labelColumn: "A",
    });
    expect(s.mapping.sections.monthly?.columns?.fundedEhcps).toBe("EHCPs (funded)");
    expect(s.needsPerson.join("\n")).toContain(
      '"Placed in INMSS" is guessed as "Children in independent special schools"',
    );
  });

  it("per programme: proposes the five programme sheets, the programme of 'Adulthood' from its title cell", () => {
    const s = suggestMapping(raws["per-programme"]);
    expect(s.mapping.sections.workstreams?.source).toEqual({
      perProgrammeSheets: [
        "P2 Workstreams",
        "P3 Workstreams",
        "Adulthood",
        "P5 Workstreams",
        "P6 Workstreams",
      ].map((sheet) => ({ sheet })),
    });
  });

  it("risk table: Severity is impact and Probability likelihood, with runner-up choices and confidences", () => {
    const s = suggestMapping(raws["risk-table"]);
    expect(s.mapping.sections.risks?.source).toEqual({ table: "tblSENDRisks" });
    expect(s.mapping.sections.programmes?.source).toEqual({ table: "tblProgrammes" });
    const risks = s.sections.find((x) => x.section === "risks")!;
    const impact = risks.fields.find((f) => f.field === "impact")!;
    expect(impact.source).toBe("Severity");
    expect(impact.confidence).toBeGreaterThan(0.75);
    // Probability is also whole numbers 1-5: the runner-up, not the pick.
    expect(impact.alternatives.map((a) => a.source)).toContain("Probability");
    expect(risks.sources[0].description).toBe('the table "tblSENDRisks" on the "Governance" sheet');
  });
});

describe("a mapping gone stale after the workbook changed", () => {
  it("a renamed column gives an issue naming the field and what it pointed at, never a crash", () => {
    const mapping = JSON.parse(readFileSync(`${dir}/months-across.mapping.json`, "utf8")) as {
      sections: { monthly: { columns: Record<string, string> } };
    };
    mapping.sections.monthly.columns.fundedEhcps = "EHCPs (funded, old name)";
    const summary = runEngine(withMapping(raws["months-across"], mapping), { now: NOW });
    const issue = summary.issues.find((i) => i.message.startsWith("Funded EHCPs was mapped"));
    expect(issue).toMatchObject({ severity: "error", sheet: "Monthly Dashboard Data" });
    expect(issue?.message).toContain(
      'Funded EHCPs was mapped to the row "EHCPs (funded, old name)" on the sheet "Monthly Dashboard Data", which no longer exists.',
    );
  });

  it("a deleted sheet and a deleted table are named, and the rest of the summary is still produced", () => {
    const risk = JSON.parse(readFileSync(`${dir}/risk-table.mapping.json`, "utf8")) as {
      sections: Record<string, { source: unknown }>;
    };
    risk.sections.risks.source = { table: "tblRisksOld" };
    risk.sections.monthly = { source: { sheet: "Data" } };
    const summary = runEngine(withMapping(raws["risk-table"], risk), { now: NOW });
    const messages = summary.issues.map((i) => i.message);
    expect(messages).toContainEqual(
      expect.stringContaining('was mapped to the Excel table "tblRisksOld", which no longer exists'),
    );
    expect(messages).toContainEqual(
      expect.stringContaining(
        'SEND Monthly (Month, Funded EHCPs, Population 0-25) was mapped to the sheet "Data", which no longer exists',
      ),
    );
    expect(summary.keyRisks).toEqual([]);
    expect(summary.kpis.find((k) => k.id === "hnb_overspend")?.actual).toBe(43_200_000);
  });
});
