// Reading council layouts from plain arrays: months across (detected or mapped), tables, one sheet per programme,
// a risk register with only a typed score; the mapping format's versions; the preview and the check of a mapping.
import { runEngine } from "../../../src/core/engine";
import { SAVED_MAPPING_KEY } from "../../../src/core/engine-api";
import {
  MIGRATIONS,
  parseMapping,
  previewMapping,
  validateMapping,
  type TrackerMapping,
} from "../../../src/core/mapping";
import type { RawCell, RawSheet, RawWorkbook } from "../../../src/core/raw";
import { readTracker } from "../../../src/core/read";
import { cleanTracker, removeSheet } from "../parse/tracker-fixture";

const sheet = (
  name: string,
  values: RawCell[][],
  origin = { originRow: 0, originCol: 0 },
  formats?: string[][],
): RawSheet => ({
  name,
  values,
  ...origin,
  ...(formats ? { numberFormats: formats } : {}),
});

/** Sep-24 .. Dec-24 as Excel serials (first of the month), shown "mmm-yy". */
const MONTH_SERIALS = [45536, 45566, 45597, 45627];

/** The clean tracker with its SEND Monthly sheet turned round: measures down column B, months along row 3. */
function monthsAcrossTracker(): RawWorkbook {
  const raw = cleanTracker();
  removeSheet(raw, "SEND Monthly");
  const values: RawCell[][] = [
    ["SEND data", "", "", "", ""],
    ["", "", "", "", ""],
    ["Measure", ...MONTH_SERIALS],
    ["Funded EHCPs", 6059, 6124, 6274, 6353],
    ["Population 0-25", 166500, 166500, 166500, 166500],
    ["Placed in INMSS", 354, 359, 359, 358],
  ];
  const formats = values.map((row, r) => row.map((_, c) => (r === 2 && c > 0 ? "mmm-yy" : "General")));
  raw.sheets.push(sheet("SEND Monthly", values, { originRow: 0, originCol: 1 }, formats));
  return raw;
}

describe("months across the columns", () => {
  it("is recognised without a mapping when a sheet found by name has months along a header row", () => {
    const { tracker, issues } = readTracker(monthsAcrossTracker());
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(tracker.monthly.map((m) => [m.month.value, m.fundedEhcps.value])).toEqual([
      ["2024-09", 6059],
      ["2024-10", 6124],
      ["2024-11", 6274],
      ["2024-12", 6353],
    ]);
  });

  it("keeps every value's real address: Dec-24's 6,353 funded EHCPs is F4, its month header F3", () => {
    const dec = readTracker(monthsAcrossTracker()).tracker.monthly[3];
    expect(dec.fundedEhcps.ref).toEqual({ sheet: "SEND Monthly", cell: "F4" });
    expect(dec.month.ref).toEqual({ sheet: "SEND Monthly", cell: "F3" });
    expect(dec.placedInInmss.ref.cell).toBe("F6");
  });

  it("a bad value is pointed at where it sits: text in D5 (Oct-24's population)", () => {
    const raw = monthsAcrossTracker();
    raw.sheets.find((s) => s.name === "SEND Monthly")!.values[4][2] = "lots";
    const issue = readTracker(raw).issues.find((i) => i.code === "not_a_number");
    expect(issue).toMatchObject({ sheet: "SEND Monthly", cell: "D5" });
  });

  it("text month headers (Apr-24) and a mapped label for a measure are read too", () => {
    const raw = monthsAcrossTracker();
    const s = raw.sheets.find((x) => x.name === "SEND Monthly")!;
    s.name = "Dashboard data";
    s.values[2] = ["Measure", "Sep-24", "Oct-24", "Nov-24", "Dec-24"];
    s.values[3][0] = "EHCPs (funded)";
    const mapping: TrackerMapping = {
      version: 1,
      sections: {
        monthly: {
          source: { sheet: "Dashboard data" },
          layout: "months_across",
          columns: { fundedEhcps: "EHCPs (funded)" },
        },
      },
    };
    const { tracker } = readTracker(raw, mapping);
    expect(tracker.monthly.map((m) => m.fundedEhcps.value)).toEqual([6059, 6124, 6274, 6353]);
    expect(tracker.sheetNames.monthly).toBe("Dashboard data");
  });

  it("a template monthly sheet (one month a row, counts beside it) is not taken for months across", () => {
    const { tracker } = readTracker(cleanTracker());
    expect(tracker.monthly.at(-1)?.fundedEhcps).toEqual({
      value: 6353,
      ref: { sheet: "SEND Monthly", cell: "B5" },
    });
  });
});

describe("Excel tables and per-programme sheets", () => {
  it("two tables on one sheet are read by name, each cell addressed where the table sits", () => {
    const raw = cleanTracker();
    const risks = raw.sheets.find((s) => s.name === "Risk Register")!;
    removeSheet(raw, "Risk Register");
    const top: RawCell[][] = [
      ["Notes", "", ""],
      ["A", "B", "C"],
      [1, 2, 3],
    ];
    const width = risks.values[0].length;
    const pad = (r: RawCell[]) => [...r, ...new Array<RawCell>(width - r.length).fill("")];
    raw.sheets.push(sheet("Governance", [...top.map(pad), pad([]), ...risks.values]));
    raw.tables = [
      { name: "tblNotes", sheet: "Governance", range: "A2:C3" },
      {
        name: "tblRisks",
        sheet: "Governance",
        range: `A5:${String.fromCharCode(64 + width)}${4 + risks.values.length}`,
      },
    ];
    const { tracker, issues } = readTracker(raw, {
      version: 1,
      sections: { risks: { source: { table: "tblRisks" } } },
    });
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(tracker.risks[0].id).toEqual({
      value: tracker.risks[0].id.value,
      ref: { sheet: "Governance", cell: "A6" },
    });
    expect(tracker.risks.length).toBe(risks.values.length - 1);
  });

  it("one sheet per programme: the programme from the tab name or a title cell, pointing at that title", () => {
    const raw = cleanTracker();
    removeSheet(raw, "Workstreams");
    raw.sheets.push(
      sheet("P2 Workstreams", [
        ["Workstream", "RAG"],
        ["Inclusion Advisors", "Green"],
        ["", ""],
        ["Early help", "A/G"],
      ]),
      sheet("Adulthood", [
        ["Programme 4 - Preparation for adulthood", ""],
        ["Workstream", "RAG"],
        ["Internships", "Green"],
      ]),
    );
    const mapping: TrackerMapping = {
      version: 1,
      sections: {
        workstreams: {
          source: { perProgrammeSheets: [{ sheet: "P2 Workstreams" }, { sheet: "Adulthood" }] },
        },
      },
    };
    const { tracker, issues } = readTracker(raw, mapping);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(tracker.workstreams.map((w) => [w.programme.value, w.name.value])).toEqual([
      [2, "Inclusion Advisors"],
      [2, "Early help"],
      [4, "Internships"],
    ]);
    expect(tracker.workstreams[2].programme.ref).toEqual({ sheet: "Adulthood", cell: "A1" });
    expect(tracker.workstreams[2].rag.ref).toEqual({ sheet: "Adulthood", cell: "B3" });
    expect(tracker.sheetNames.workstreams).toBe("P2 Workstreams, Adulthood");
  });

  it("a per-programme sheet that does not say its programme is reported and left out", () => {
    const raw = cleanTracker();
    raw.sheets.push(
      sheet("Misc", [
        ["Workstream", "RAG"],
        ["Something", "Green"],
      ]),
    );
    const { issues } = readTracker(raw, {
      version: 1,
      sections: { workstreams: { source: { perProgrammeSheets: [{ sheet: "Misc" }] } } },
    });
    expect(issues.find((i) => i.code === "unknown_programme")?.message).toContain(
      'The "Misc" sheet is one of the per-programme sheets',
    );
  });
});

describe("a risk register with only a typed score", () => {
  function scoreOnly(): RawWorkbook {
    const raw = cleanTracker();
    removeSheet(raw, "Risk Register");
    raw.sheets.push(
      sheet("Risk log", [
        ["Ref", "Risk", "Risk lead", "Score", "Mitigation"],
        ["R01", "Growth above forecast", "Director of Education and Skills", 20, "Reforecast"],
        ["R02", "Capital programme slips", "Director of Education and Skills", 16, "Deliver the plan"],
      ]),
    );
    return raw;
  }
  const mapping = {
    version: 1,
    sections: {
      risks: {
        source: { sheet: "Risk log" },
        columns: { owner: "Risk lead", impact: null, likelihood: null },
      },
    },
  };

  it("reads what is there and says key risks cannot be computed (issue and notComputed)", () => {
    const raw = { ...scoreOnly(), savedSettings: { [SAVED_MAPPING_KEY]: mapping } };
    const summary = runEngine(raw, { now: new Date("2025-01-10T09:00:00Z") });
    expect(summary.keyRisks).toEqual([]);
    expect(summary.issues.map((i) => i.message)).toContainEqual(
      expect.stringContaining(
        "Impact (1-5) is not mapped for Risk Register (the mapping leaves it out), so risk scores (impact x likelihood) and the key risks cannot be computed",
      ),
    );
    expect(summary.notComputed).toContainEqual({
      section: "Risk Register: Likelihood (1-5)",
      reason:
        "Not computed because the column mapping leaves out Likelihood (1-5), so risk scores (impact x likelihood) and the key risks cannot be worked out.",
    });
    expect(summary.issueCounts.error).toBe(0);
  });

  it("the typed scores, owners and actions are still read", () => {
    const { tracker } = readTracker(scoreOnly(), parseMapping(mapping).mapping);
    expect(tracker.risks.map((r) => [r.id.value, r.typedScore.value, r.owner.value, r.impact.value])).toEqual(
      [
        ["R01", 20, "Director of Education and Skills", null],
        ["R02", 16, "Director of Education and Skills", null],
      ],
    );
  });
});

describe("the mapping format", () => {
  it("accepts its JSON text as saved, and keeps the sound parts of a mapping with a mistake", () => {
    const { mapping, issues } = parseMapping(
      JSON.stringify({
        version: 1,
        sections: {
          risks: { source: { sheet: "Risk log" }, columns: { colour: "Blue", owner: "Risk lead" } },
          charts: {},
        },
      }),
    );
    expect(mapping?.sections.risks?.columns).toEqual({ owner: "Risk lead" });
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringContaining('names a field "colour" that the template does not have'),
      expect.stringContaining('names a section "charts" that the tracker does not have'),
    ]);
  });

  it("a mapping from a newer release, or with no version, is ignored with a reason", () => {
    expect(parseMapping({ version: 3, sections: {} }).issues[0].message).toContain(
      "saved by a newer release",
    );
    expect(parseMapping({ sections: {} }).issues[0].message).toContain("has no version number");
    expect(parseMapping("{not json").issues[0].message).toContain("not valid JSON");
  });

  it("an older version is carried up through the registered migrations", () => {
    MIGRATIONS[0] = (old) => ({ version: 1, sections: old.layout });
    try {
      const { mapping } = parseMapping({ version: 0, layout: { risks: { source: { sheet: "Risk log" } } } });
      expect(mapping?.sections.risks?.source).toEqual({ sheet: "Risk log" });
    } finally {
      delete MIGRATIONS[0];
    }
  });

  it("a bad saved mapping never stops the template reading", () => {
    const raw = { ...cleanTracker(), savedSettings: { [SAVED_MAPPING_KEY]: "{oops" } };
    const { tracker, issues } = readTracker(raw);
    expect(tracker.found.monthly).toBe(true);
    expect(issues[0].message).toContain("The saved column mapping is not valid JSON");
  });
});

describe("preview and check", () => {
  it("previews the first rows as read, each value with its cell", () => {
    const preview = previewMapping(monthsAcrossTracker(), { version: 1, sections: {} }, "monthly", 2);
    expect(preview.totalRows).toBe(4);
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0].fundedEhcps).toEqual({
      value: 6059,
      text: "6059",
      ref: { sheet: "SEND Monthly", cell: "C4" },
    });
    expect(preview.rows[0].month.text).toBe("2024-09");
    expect(preview.columns[1]).toEqual({ field: "fundedEhcps", header: "Funded EHCPs" });
  });

  it("lists the issues a mapping would produce, before it is saved", () => {
    const issues = validateMapping(cleanTracker(), {
      version: 1,
      sections: { places: { source: { sheet: "Capital" } } },
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        severity: "warning",
        message: expect.stringContaining(
          'Special School Places (Month, New places delivered (running total), Places required) was mapped to the sheet "Capital", which no longer exists',
        ),
      }),
    );
  });
});
