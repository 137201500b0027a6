// The Portfolio Summary of the sample tracker (scripts/make-sample-tracker.ts), as the engine makes it at the
// seed dashboard's reporting date (seed/send-portfolio-dashboard.txt), for tests of everything downstream of the
// engine (layout, pane, CLI). The engine runs once per test file; each call returns a fresh deep copy, so a test may
// change it without affecting another.
//
// On top of the engine's output stand only the edge cases the tests need and the sample does not have, each a
// named override below that says which tests need it. Every other figure is the sample's own.
import { runEngine } from "../../src/core/engine";
import type { Issue, PortfolioSummary } from "../../src/core/model";
import { generateTracker } from "./generate-tracker";

/** The engine's clock: the seed dashboard's reporting date, 10/01/2025, at 09:30 UK time. */
export const FIXTURE_NOW = new Date("2025-01-10T09:30:00Z");

let sample: PortfolioSummary | undefined;

/** The engine's summary of the sample tracker, computed on first use. */
function sampleSummary(): PortfolioSummary {
  sample ??= runEngine(generateTracker(1), { now: FIXTURE_NOW });
  return sample;
}

/**
 * The figures alone give Red where the lead set Amber/Red (the sample's computed RAG agrees with the lead's):
 * for the RAG badge (tests/taskpane/RagBadge), the page's "Computed RAG" line (tests/layout/plan-sheets) and the
 * report (tests/cli/report), which say both grades when they differ.
 */
function computedRagDiffersFromTheLeads(s: PortfolioSummary): void {
  const { reasons } = s.overallRag;
  s.overallRag = {
    ...s.overallRag,
    computed: "Red",
    differs: true,
    reasons: [
      ...reasons.filter((r) => !r.startsWith("Computed overall RAG")),
      "Two open risks score 15 or more: raised to Red.",
      "Computed overall RAG: Red.",
    ],
  };
}

/**
 * Three data problems of three kinds on three sheets, two warnings and a note (the sample's own are a warning and
 * a note on SEND Monthly and KPIs): for the pane's grouping by severity and sheet (tests/taskpane/DataProblems,
 * App) and the page's data-problems block (tests/layout/plan-sheets).
 */
function threeKindsOfDataProblem(s: PortfolioSummary): void {
  const issues: Issue[] = [
    {
      severity: "warning",
      code: "risk_score_mismatch",
      sheet: "Risk Register",
      cell: "G9",
      message:
        "Risk R07 has a typed score of 12, but impact 4 × likelihood 4 is 16. The summary uses 16; correct the score in the register.",
    },
    {
      severity: "warning",
      code: "rag_unrecognised",
      sheet: "Workstreams",
      cell: "D19",
      message:
        'The RAG "Purple" is not on the 5-point scale. Use Green, Amber/Green, Amber, Amber/Red or Red.',
    },
    {
      severity: "info",
      code: "milestone_no_due_date",
      sheet: "Milestones",
      cell: "E23",
      message: "Milestone M22 has no due date, so it is not counted in the milestones due. Add its due date.",
    },
  ];
  s.issues = issues;
  s.issueCounts = { error: 0, warning: 2, info: 1 };
  // None is acknowledged in a note, so all three are open.
  if (s.review) s.review.openIssueCounts = { ...s.issueCounts };
}

/** The sample tracker's summary, with the overrides above. */
export function makeSummaryFixture(): PortfolioSummary {
  const s = structuredClone(sampleSummary());
  computedRagDiffersFromTheLeads(s);
  threeKindsOfDataProblem(s);
  return s;
}
