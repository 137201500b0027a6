// "Since last report" in the pane, loaded on demand: this wrapper is all the first download carries; the section
// itself (SinceLastReportSection.tsx) arrives with the first summary that has one, so the pane stays in budget.
import { lazy, Suspense } from "react";
import type { PortfolioSummary, SourceRef } from "../../core/model";

const SinceLastReportSection = lazy(() => import("./SinceLastReportSection"));

export interface SinceLastReportProps {
  summary: PortfolioSummary;
  onGoTo: (ref: SourceRef) => void;
}

export function SinceLastReport({ summary, onGoTo }: SinceLastReportProps) {
  // A summary from before the history existed (a stored run) has none: nothing to show, nothing to load.
  if (!summary.sinceLastReport) return null;
  return (
    <Suspense fallback={null}>
      <SinceLastReportSection summary={summary} onGoTo={onGoTo} />
    </Suspense>
  );
}
