// The review's rules (src/core/review): which note explains which variance or acknowledges which query, stably
// across refreshes; what counts as explained; the notes sheet's rows read back as written.
import { runEngine } from "../../src/core/engine";
import type { PortfolioSummary, ReviewNote } from "../../src/core/model";
import {
  applyReview,
  mergeNotes,
  noteProblem,
  noteRow,
  NOTES_COLUMNS,
  parseNotes,
  queryNote,
  queryNoteId,
  varianceNote,
} from "../../src/core/review";
import { explainedCount } from "../../src/core/wording";
import { generateTracker } from "../support/generate-tracker";

const NOW = new Date("2025-01-09T10:15:00Z");
const sample = (): PortfolioSummary => runEngine(generateTracker(1), { now: NOW });

function note(fields: Partial<ReviewNote>): ReviewNote {
  return {
    kind: "variance",
    id: "hnb_overspend",
    reportingDate: "2025-01-10",
    label: "",
    text: "Placements up.",
    owner: "",
    due: "",
    by: "Head of SEND Finance",
    at: "2025-01-09T10:15:00.000Z",
    ...fields,
  };
}

describe("explaining a variance", () => {
  it("a note for the variance's id and this reporting date explains it; the count says 1 of 6", () => {
    const summary = applyReview(sample(), [note({})], "Portfolio Summary Notes");
    expect(summary.variances.find((v) => v.id === "hnb_overspend")?.review?.state).toBe("explained");
    expect(summary.review).toMatchObject({ flagged: 6, explained: 1, carried: 0 });
    expect(explainedCount(summary.review!)).toBe("1 of 6 flagged variances explained");
  });

  it("last month's note is carried, not reused: it counts as unexplained until confirmed", () => {
    const summary = applyReview(sample(), [note({ reportingDate: "2024-12-10" })], null);
    expect(summary.variances.find((v) => v.id === "hnb_overspend")?.review).toMatchObject({
      state: "carried",
      note: { reportingDate: "2024-12-10" },
    });
    expect(summary.review).toMatchObject({ explained: 0, carried: 1 });
    expect(explainedCount(summary.review!)).toBe(
      "0 of 6 flagged variances explained; 1 carried from an earlier report, to update or confirm",
    );
  });

  it("of several earlier notes the latest report's is carried; a later report's note is never used", () => {
    const summary = applyReview(
      sample(),
      [
        note({ reportingDate: "2024-11-08", text: "November" }),
        note({ reportingDate: "2024-12-10", text: "December" }),
        note({ reportingDate: "2025-02-07", text: "February" }),
      ],
      null,
    );
    expect(summary.variances.find((v) => v.id === "hnb_overspend")?.review?.note.text).toBe("December");
  });

  it("a note for a variance no longer flagged explains nothing, and a later duplicate row wins", () => {
    const summary = applyReview(
      sample(),
      [note({ id: "not_flagged" }), note({ text: "first" }), note({ text: "second" })],
      null,
    );
    expect(summary.review?.explained).toBe(1);
    expect(summary.variances.find((v) => v.id === "hnb_overspend")?.review?.note.text).toBe("second");
  });
});

describe("acknowledging a data query", () => {
  it("the Sep-24 INMSS warning is acknowledged by a note for its code and cell that says what it says", () => {
    const base = sample();
    const warning = base.issues.find((i) => i.code === "typed_value_mismatch")!;
    expect(queryNoteId(warning)).toBe("typed_value_mismatch@SEND Monthly!O34");
    const ack = queryNote(base, warning, { text: "Rounding on the dashboard.", by: "Data Officer" }, NOW);
    const summary = applyReview(base, [ack], null);
    expect(summary.issues.find((i) => i.code === "typed_value_mismatch")?.acknowledged?.text).toBe(
      "Rounding on the dashboard.",
    );
    expect(summary.review?.acknowledged).toBe(1);
    // The counts: every issue found is still counted; the open counts leave the known query out.
    expect(summary.issueCounts.warning).toBe(1);
    expect(summary.review?.openIssueCounts.warning).toBe(0);
  });

  it("comes back when its figure (and so what it says) changes", () => {
    const base = sample();
    const warning = base.issues.find((i) => i.code === "typed_value_mismatch")!;
    const ack = queryNote(base, warning, { text: "Rounding.", by: "Data Officer" }, NOW);
    const changed = {
      ...base,
      issues: base.issues.map((i) =>
        i === warning ? { ...i, message: i.message.replace("5.85%", "5.86%") } : i,
      ),
    };
    expect(applyReview(changed, [ack], null).review?.acknowledged).toBe(0);
  });

  it("an error cannot be acknowledged, whatever the notes say", () => {
    const base = sample();
    const error = {
      severity: "error" as const,
      code: "missing_column",
      sheet: "KPIs",
      cell: "A1",
      message: "x",
    };
    const summary = applyReview(
      { ...base, issues: [...base.issues, error], issueCounts: { ...base.issueCounts, error: 1 } },
      [note({ kind: "query", id: queryNoteId(error), label: "x" })],
      null,
    );
    expect(summary.issues.find((i) => i.code === "missing_column")?.acknowledged).toBeUndefined();
    expect(summary.review?.openIssueCounts.error).toBe(1);
  });
});

describe("the notes sheet's rows", () => {
  it("a note written as a row reads back as the same note, dates as Excel dates", () => {
    const written = note({ owner: "Owner", due: "2025-02-28", label: "HNB Overspend 2024/25: +£14.99m" });
    const row = noteRow(written);
    expect(row[0]).toBe(45667); // 10/01/2025
    expect(row[1]).toBe("Variance");
    const [back] = parseNotes({
      sheet: "Notes",
      values: [NOTES_COLUMNS.map((c) => c.header), row],
      originRow: 0,
    });
    expect(back).toEqual({ ...written, at: "2025-01-09T10:15:00.000Z", row: 1 });
  });

  it("columns are found by their headers in any order; rows without an id or an explanation are not notes", () => {
    const notes = parseNotes({
      sheet: "Notes",
      values: [
        ["My column", "Explanation", "Id", "Kind", "Reporting date", "By"],
        ["x", "Typed by a person", "inmss_share", "variance", "10/01/2025", "Finance BP"],
        ["y", "", "ehcp_count", "variance", "10/01/2025", "half-typed"],
        ["z", "Reason", "typed_value_mismatch@SEND Monthly!O34", "Data query", 45667, ""],
      ],
      originRow: 4,
    });
    expect(notes).toMatchObject([
      { kind: "variance", id: "inmss_share", text: "Typed by a person", reportingDate: "2025-01-10", row: 5 },
      { kind: "query", id: "typed_value_mismatch@SEND Monthly!O34", reportingDate: "2025-01-10", row: 7 },
    ]);
  });

  it("notes given by the caller (the CLI's --notes) replace the sheet's note with the same key or are added", () => {
    const merged = mergeNotes(
      [note({ text: "sheet" }), note({ id: "ehcp_count" })],
      [note({ text: "file" })],
    );
    expect(merged.map((n) => `${n.id}:${n.text}`)).toEqual([
      "ehcp_count:Placements up.",
      "hnb_overspend:file",
    ]);
  });

  it("an explanation and who gives it are needed", () => {
    expect(noteProblem({ text: " ", by: "x", due: "" })).toMatch(/Write the explanation/);
    expect(noteProblem({ text: "x", by: "", due: "" })).toMatch(/name or role/);
    expect(noteProblem({ text: "x", by: "y", due: "" })).toBeNull();
  });

  it("a new variance note is keyed to this report and labelled with the variance and its amount", () => {
    const base = sample();
    const v = base.variances.find((x) => x.id === "hnb_overspend")!;
    expect(varianceNote(base, v, { text: " Cause. ", owner: "", due: "", by: " Me " }, NOW)).toEqual({
      kind: "variance",
      id: "hnb_overspend",
      reportingDate: "2025-01-10",
      label: "HNB Overspend 2024/25: +£14.99m",
      text: "Cause.",
      owner: "",
      due: "",
      by: "Me",
      at: NOW.toISOString(),
    });
  });
});
