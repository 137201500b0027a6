// The outlook in the pane, loaded on demand: this wrapper is all the first download carries; the section itself
// (OutlookSection.tsx) arrives with the first summary that has an outlook, so the pane stays within its budget.
import { lazy, Suspense } from "react";
import type { PortfolioSummary } from "../../core/model";
import type { CopyText } from "./OutlookSection";

const OutlookSection = lazy(() => import("./OutlookSection"));

export interface OutlookProps {
  summary: PortfolioSummary;
  /** How to copy (the browser's clipboard by default); tests and hosts without the clipboard API pass their own. */
  copyText?: CopyText;
}

export function Outlook({ summary, copyText }: OutlookProps) {
  // A summary from before the outlook existed (a stored run) has none: nothing to show, nothing to load.
  if (!summary.outlook) return null;
  return (
    <Suspense fallback={null}>
      <OutlookSection summary={summary} copyText={copyText} />
    </Suspense>
  );
}
