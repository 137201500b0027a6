import type { Issue } from "../../../src/core/model";
import { groupIssues } from "../../../src/taskpane/DataProblems/groupIssues";

const issue = (severity: Issue["severity"], sheet: string, cell: string): Issue => ({
  severity,
  code: "x",
  sheet,
  cell,
  message: `${severity} at ${sheet}!${cell}`,
});

describe("grouping data problems", () => {
  test("errors come before warnings and warnings before notes, whatever order the engine found them in", () => {
    const groups = groupIssues([
      issue("info", "Milestones", "E2"),
      issue("warning", "Workstreams", "D3"),
      issue("error", "Risk Register", "G9"),
    ]);
    expect(groups.map((g) => g.severity)).toEqual(["error", "warning", "info"]);
  });

  test("within a severity, problems are grouped by sheet and keep their order", () => {
    const groups = groupIssues([
      issue("error", "SEND Monthly", "B4"),
      issue("error", "KPIs", "C2"),
      issue("error", "SEND Monthly", "B9"),
    ]);
    expect(groups.map((g) => [g.sheet, g.issues.map((i) => i.cell)])).toEqual([
      ["SEND Monthly", ["B4", "B9"]],
      ["KPIs", ["C2"]],
    ]);
  });

  test("a problem with the whole workbook (a missing sheet) leads its severity", () => {
    const groups = groupIssues([issue("error", "KPIs", "C2"), issue("error", "", "")]);
    expect(groups.map((g) => g.sheet)).toEqual(["", "KPIs"]);
  });

  test("every issue lands in exactly one group", () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      issue((["error", "warning", "info"] as const)[i % 3], `Sheet ${i % 7}`, `A${i + 1}`),
    );
    const groups = groupIssues(many);
    expect(groups.reduce((n, g) => n + g.issues.length, 0)).toBe(5000);
    expect(new Set(groups.map((g) => g.key)).size).toBe(groups.length);
  });
});
