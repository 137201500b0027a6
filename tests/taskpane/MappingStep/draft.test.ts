// The mapping step's working copy, on the committed council layouts: what it starts from, what a person's choices
// do to it, and the words it uses for each field.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { suggestMapping, type TrackerMapping } from "../../../src/core/mapping";
import type { RawWorkbook } from "../../../src/core/raw";
import { sheetSpec } from "../../../src/core/template";
import {
  fieldStatus,
  initialDraft,
  mappingOf,
  sourceHeaders,
  sourceKey,
  sourceOptions,
  statusSentence,
  withField,
  withSource,
} from "../../../src/taskpane/MappingStep/draft";
import { readXlsxFile } from "../../../src/xlsx/read";

const LAYOUTS = join(__dirname, "../../fixtures/layouts");
const fixture = (name: string) => readXlsxFile(join(LAYOUTS, `${name}.xlsx`));
const committedMapping = (name: string): TrackerMapping =>
  JSON.parse(readFileSync(join(LAYOUTS, `${name}.mapping.json`), "utf8")) as TrackerMapping;

let monthsAcross: RawWorkbook;
let riskTable: RawWorkbook;
beforeAll(async () => {
  [monthsAcross, riskTable] = await Promise.all([fixture("months-across"), fixture("risk-table")]);
});

describe("the step's starting point", () => {
  test("months across: only SEND Monthly is offered, read from the council's sheet with its own labels", () => {
    const drafts = initialDraft(monthsAcross, suggestMapping(monthsAcross), null);
    expect(drafts.map((d) => d.section)).toEqual(["monthly"]);
    const [monthly] = drafts;
    expect(monthly.sourceKey).toBe(sourceKey({ sheet: "Monthly Dashboard Data" }, "months_across"));
    expect(monthly.fields.fundedEhcps).toMatchObject({ value: "EHCPs (funded)", origin: "suggested" });
    // The suggestion gives the same mapping as the one committed beside the fixture, for the fields it names.
    const mapped = mappingOf(drafts).sections.monthly!;
    expect(mapped).toMatchObject({ layout: "months_across", headerRow: 3, labelColumn: "A" });
    expect(mapped.columns).toMatchObject(committedMapping("months-across").sections.monthly!.columns!);
  });

  test("a guess below 75% is flagged for a person to check, in words", () => {
    const [monthly] = initialDraft(monthsAcross, suggestMapping(monthsAcross), null);
    const inmss = sheetSpec("monthly").columns.find((c) => c.field === "placedInInmss")!;
    const status = fieldStatus(inmss, monthly.fields.placedInInmss, true);
    expect(status.state).toBe("check");
    expect(statusSentence(status)).toMatch(/^Check this: a best guess, only \d\d% sure\.$/);
  });

  test("a saved mapping that still fits is kept as saved", () => {
    const saved = committedMapping("risk-table");
    const drafts = initialDraft(riskTable, suggestMapping(riskTable), saved);
    expect(drafts.map((d) => [d.section, d.sourceOrigin])).toEqual([
      ["programmes", "saved"],
      ["risks", "saved"],
    ]);
    expect(mappingOf(drafts).sections.risks!.columns).toMatchObject(saved.sections.risks!.columns!);
  });

  test("a saved header that was renamed is cleared and remembered, so the step can say what it was", () => {
    const saved = committedMapping("risk-table");
    saved.sections.risks!.columns!.likelihood = "Likelihood (old)";
    const risks = initialDraft(riskTable, suggestMapping(riskTable), saved).find(
      (d) => d.section === "risks",
    )!;
    expect(risks.fields.likelihood).toMatchObject({ value: undefined, was: "Likelihood (old)" });
    const spec = sheetSpec("risks").columns.find((c) => c.field === "likelihood")!;
    const status = fieldStatus(spec, risks.fields.likelihood, false);
    expect(status.state).toBe("needed");
    expect(statusSentence(status)).toBe(
      'Needed: it was mapped to "Likelihood (old)", which is no longer there. Choose the column that holds it, or leave it out and the summary will say what it cannot work out.',
    );
  });

  test("a saved source that is gone is replaced by the suggestion, saying what it pointed at", () => {
    const saved: TrackerMapping = {
      version: 1,
      sections: { monthly: { source: { sheet: "Data" }, layout: "months_across" } },
    };
    const [monthly] = initialDraft(monthsAcross, suggestMapping(monthsAcross), saved);
    expect(monthly.sourceWas).toBe('the "Data" sheet, months across');
    expect(monthly.sourceKey).toBe(sourceKey({ sheet: "Monthly Dashboard Data" }, "months_across"));
  });
});

describe("a person's choices", () => {
  test("the risk register can be read from any sheet or table; the engine's picks come first with their match", () => {
    const options = sourceOptions(riskTable, suggestMapping(riskTable), "risks");
    expect(options[0]).toMatchObject({ source: { table: "tblSENDRisks" }, confidence: 1 });
    expect(options.map((o) => o.label)).toContain('the "Governance" sheet');
    expect(options.filter((o) => o.key === options[0].key)).toHaveLength(1);
  });

  test("choosing another source matches its headers by name, and going back restores the engine's guess", () => {
    const suggestion = suggestMapping(riskTable);
    const risks = initialDraft(riskTable, suggestion, null).find((d) => d.section === "risks")!;
    const programmesTable = sourceKey({ table: "tblProgrammes" });
    const elsewhere = withSource(riskTable, suggestion, risks, programmesTable);
    expect(elsewhere.sourceOrigin).toBe("chosen");
    expect(elsewhere.fields.likelihood.value).toBeUndefined();
    const back = withSource(riskTable, suggestion, elsewhere, risks.sourceKey);
    expect(back).toEqual(risks);
  });

  test("a field left out is saved as null (the summary then says what it cannot compute)", () => {
    const suggestion = suggestMapping(riskTable);
    const risks = initialDraft(riskTable, suggestion, null).find((d) => d.section === "risks")!;
    const without = withField(risks, "impact", null);
    expect(mappingOf([without]).sections.risks!.columns!.impact).toBeNull();
    const spec = sheetSpec("risks").columns.find((c) => c.field === "impact")!;
    expect(statusSentence(fieldStatus(spec, without.fields.impact, false))).toBe(
      "Left out: the summary will say what it cannot work out without it.",
    );
  });

  test("a section with no source chosen is left out of the mapping", () => {
    const suggestion = suggestMapping(riskTable);
    const drafts = initialDraft(riskTable, suggestion, null).map((d) =>
      d.section === "programmes" ? withSource(riskTable, suggestion, d, "") : d,
    );
    expect(Object.keys(mappingOf(drafts).sections)).toEqual(["risks"]);
  });

  test("months across offers the measure labels down column A as the choices", () => {
    const found = sourceHeaders(
      monthsAcross,
      sheetSpec("monthly"),
      { sheet: "Monthly Dashboard Data" },
      "months_across",
    );
    expect(found).toMatchObject({ headerRow: 3, labelColumn: "A" });
    expect(found!.headers).toEqual(expect.arrayContaining(["EHCPs (funded)", "Safety Valve trajectory"]));
    expect(found!.headers.some((h) => /^[A-Z][a-z]{2}-\d\d$/.test(h))).toBe(false);
  });

  test("a sheet or table that is not in the workbook offers nothing (null), never a crash", () => {
    expect(sourceHeaders(riskTable, sheetSpec("risks"), { table: "tblGone" }, "rows")).toBeNull();
    expect(sourceHeaders(riskTable, sheetSpec("risks"), { sheet: "Gone" }, "rows")).toBeNull();
  });
});
