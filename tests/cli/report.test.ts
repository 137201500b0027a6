// The printed report: what it says when the lead's RAG and the figures disagree, data are stale, or errors pile up.
import { formatErrorsOnly, formatReport } from "../../src/cli/report";
import { issueLocation as issuePlace } from "../../src/core/wording";
import type { Issue } from "../../src/core/model";
import { makeSummaryFixture } from "../support/summary-fixture";

const error = (n: number): Issue => ({
  severity: "error",
  code: "missing_column",
  sheet: "Risk Register",
  cell: `E${n}`,
  message: `Impact (1-5) is missing in row ${n}.`,
});

describe("formatReport", () => {
  it("says what the figures alone would give when the lead's RAG differs from the computed one", () => {
    const summary = makeSummaryFixture();
    summary.overallRag = {
      ...summary.overallRag,
      value: "Amber",
      override: "Amber",
      overrideText: "Amber",
      computed: "Red",
      differs: true,
    };
    const report = formatReport(summary);
    expect(report).toContain("Overall RAG: Amber, set by the programme lead");
    expect(report).toContain("The figures alone would give Red.");
  });

  it("shows the computed RAG when the lead has not set one", () => {
    const summary = makeSummaryFixture();
    summary.overallRag = {
      ...summary.overallRag,
      override: null,
      overrideText: "",
      computed: "Amber/Red",
      differs: false,
    };
    expect(formatReport(summary)).toContain("Overall RAG: Amber/Red (computed from the figures)");
  });

  it("flags SEND data older than the staleness limit", () => {
    const summary = makeSummaryFixture();
    summary.freshness = [
      {
        id: "send_data",
        label: "SEND data last refreshed",
        date: "2024-10-01",
        text: "01/10/2024",
        ageDays: 101,
        limitDays: 45,
        stale: true,
        source: null,
      },
    ];
    expect(formatReport(summary)).toContain(
      "SEND data last refreshed: 01/10/2024 (101 days old at the reporting date) STALE: older than the 45-day limit",
    );
  });

  it("lists the first 20 errors with their cells and says how many more there are", () => {
    const summary = makeSummaryFixture();
    summary.issues = Array.from({ length: 25 }, (_, i) => error(i + 2));
    summary.issueCounts = { error: 25, warning: 0, info: 0 };
    const report = formatReport(summary);
    expect(report).toContain("Problems found: 25 errors, 0 warnings, 0 notes");
    expect(report).toContain("error    Risk Register!E2: Impact (1-5) is missing in row 2.");
    expect(report).toContain("Risk Register!E21:");
    expect(report).not.toContain("Risk Register!E22:");
    expect(report).toContain("... and 5 more (all are in the --json output).");
  });
});

describe("formatErrorsOnly (--quiet)", () => {
  it("prints nothing for a tracker without errors", () => {
    const summary = makeSummaryFixture();
    summary.issues = summary.issues.filter((i) => i.severity !== "error");
    expect(formatErrorsOnly(summary)).toBe("");
  });

  it("names the place of a workbook-wide problem", () => {
    expect(issuePlace({ sheet: "", cell: "" })).toBe("(workbook)");
    expect(issuePlace({ sheet: "Milestones", cell: "" })).toBe("Milestones");
  });
});
