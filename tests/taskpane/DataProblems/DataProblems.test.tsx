/** @jest-environment jsdom */
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FreshnessLine, Issue, SourceRef } from "../../../src/core/model";
import { DataProblems, ISSUE_PAGE_SIZE } from "../../../src/taskpane/DataProblems/DataProblems";
import { makeSummaryFixture } from "../../support/summary-fixture";
import { renderInPane } from "../support/render";

function setup(issues: Issue[] = makeSummaryFixture().issues, freshness: FreshnessLine[] = []) {
  const visited: SourceRef[] = [];
  renderInPane(<DataProblems issues={issues} freshness={freshness} onGoTo={(r) => visited.push(r)} />);
  return { visited };
}

describe("data problems", () => {
  test("the section header gives the number of problems", () => {
    const issues = makeSummaryFixture().issues;
    setup(issues);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent(`Data problems (${issues.length})`);
  });

  test("problems are grouped by severity and then sheet, and a short list starts fully open", () => {
    setup();
    const toggles = screen.getAllByRole("button", { expanded: true });
    expect(toggles.map((b) => b.textContent)).toEqual([
      "▾Warnings: Risk Register (1)",
      "▾Warnings: Workstreams (1)",
      "▾Notes: Milestones (1)",
    ]);
  });

  test("in a long list only the most severe groups start open", () => {
    const fixture = makeSummaryFixture().issues;
    const errors: Issue[] = Array.from({ length: 12 }, (_, i) => ({
      ...fixture[0],
      severity: "error",
      cell: `G${i + 2}`,
    }));
    setup([...fixture, ...errors]);
    expect(screen.getAllByRole("button", { expanded: true }).map((b) => b.textContent)).toEqual([
      "▾Errors: Risk Register (12)",
    ]);
    expect(screen.getAllByRole("button", { expanded: false })).toHaveLength(3);
  });

  test("Go to cell on the risk score problem selects Risk Register!G9", async () => {
    const { visited } = setup();
    await userEvent.click(screen.getByRole("button", { name: "Go to cell Risk Register!G9" }));
    expect(visited).toEqual([{ sheet: "Risk Register", cell: "G9" }]);
  });

  test("a collapsed group opens from the keyboard and its problems can be visited", async () => {
    const fixture = makeSummaryFixture().issues;
    const errors: Issue[] = Array.from({ length: 12 }, (_, i) => ({
      ...fixture[0],
      severity: "error",
      cell: `G${i + 2}`,
    }));
    const { visited } = setup([...errors, ...fixture]);
    const toggle = screen.getByRole("button", { name: /Warnings: Workstreams/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    toggle.focus();
    await userEvent.keyboard("{Enter}");
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    await userEvent.tab();
    expect(document.activeElement).toHaveAccessibleName("Go to cell Workstreams!D19");
    await userEvent.keyboard(" ");
    expect(visited).toEqual([{ sheet: "Workstreams", cell: "D19" }]);
  });

  test("stale data is warned about above the problems, with the cell holding its date", async () => {
    const send: FreshnessLine = {
      id: "send_data",
      label: "SEND data last refreshed",
      date: "2024-10-01",
      text: "01/10/2024",
      ageDays: 101,
      limitDays: 45,
      stale: true,
      source: { sheet: "Settings", cell: "B5" },
    };
    const { visited } = setup(makeSummaryFixture().issues, [send]);
    const warning = screen.getByText("Out-of-date data");
    const firstGroup = screen.getAllByRole("button", { expanded: true })[0];
    expect(warning.compareDocumentPosition(firstGroup) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Data problems (4)");
    expect(screen.getByText(/01\/10\/2024 is 101 days old \(the limit is 45 days\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Go to cell Settings!B5" }));
    expect(visited).toEqual([{ sheet: "Settings", cell: "B5" }]);
  });

  test("a clean tracker says no problems were found", () => {
    setup([]);
    expect(screen.getByText("No problems found in the tracker.")).toBeInTheDocument();
  });
});

describe("thousands of problems", () => {
  const many: Issue[] = Array.from({ length: 3000 }, (_, i) => ({
    severity: "error",
    code: "not_a_number",
    sheet: "SEND Monthly",
    cell: `C${i + 2}`,
    message: `The value in C${i + 2} is not a number. Type the count of plans as a number.`,
  }));

  test("only the first page is drawn, with a Show more button saying how many are left", async () => {
    setup(many);
    const list = screen.getByRole("list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(ISSUE_PAGE_SIZE);
    const more = screen.getByRole("button", { name: /^Show 100 more \(2,975 not shown\)$/ });
    await userEvent.click(more);
    expect(within(list).getAllByRole("listitem")).toHaveLength(ISSUE_PAGE_SIZE + 100);
  });

  test("the header still counts every problem", () => {
    setup(many);
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("Data problems (3,000)");
  });
});
