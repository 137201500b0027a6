// The page's data freshness lines: when the SEND data were last refreshed and which finance forecast the figures
// reflect, each with its age at the reporting date against its staleness limit.
import { formatDate } from "../format";
import { makeIssue } from "../issues";
import type { FreshnessLine, Issue, SourceRef } from "../model";
import { daysBetween } from "../metrics/series";
import { DEFAULT_FINANCE_STALENESS_DAYS } from "../settings";
import type { SummaryContext } from "./context";

interface Source {
  id: string;
  label: string;
  date: string | null;
  text: string;
  limitDays: number;
  /** The cell the date came from, which a stale-data issue points at. */
  source: SourceRef | null;
  /** "The SEND data": how the issue names what is stale. */
  what: string;
  /** What to do about it. */
  fix: string;
  /** Validation already reported this source as stale (it does when the tracker gives a reporting date). */
  reportedByValidation: boolean;
}

/**
 * The freshness lines, with a stale_data issue where validation could not raise one: no reporting date (today is
 * used) or a finance date taken from the latest finance period because the Settings sheet has none.
 */
export function freshnessLines(ctx: SummaryContext): { lines: FreshnessLine[]; issues: Issue[] } {
  const s = ctx.tracker.settings;
  const issues: Issue[] = [];
  const line = (src: Source): FreshnessLine => {
    const ageDays = src.date === null ? null : daysBetween(src.date, ctx.asOf);
    const stale = ageDays !== null && ageDays > src.limitDays;
    if (stale && src.source && !src.reportedByValidation)
      issues.push(
        makeIssue(
          "stale_data",
          src.source,
          `${src.what} are dated ${formatDate(src.date as string)}, ${ageDays} days before the reporting date ${formatDate(ctx.asOf)}, which is beyond the limit of ${src.limitDays} days. ${src.fix}`,
          { advice: false },
        ),
      );
    const { id, label, date, text, limitDays, source } = src;
    return { id, label, date, text, ageDays, limitDays, stale, source };
  };
  const validated = s.reportingDate.value !== null;
  const sendDate = s.sendDataRefreshed.value;
  const send = line({
    id: "send_data",
    label: "SEND data last refreshed",
    date: sendDate,
    text: sendDate ? formatDate(sendDate) : "not recorded",
    limitDays: ctx.settings.stalenessLimitDays,
    source: s.sendDataRefreshed.ref,
    what: "The SEND data",
    fix: "Refresh the SEND Monthly sheet and update 'SEND data last refreshed', or raise the staleness limit on the Settings sheet if a longer gap is expected.",
    reportedByValidation: validated,
  });
  const latest = ctx.finance.latest;
  const financeDate = s.financeDataAsAt.value ?? latest?.periodEnd.value ?? null;
  const basis = s.financeBasis.value?.trim() ?? "";
  const finance = line({
    id: "finance_data",
    label: "Finance data reflects",
    date: financeDate,
    text: [basis || "basis not recorded", financeDate ? `as at ${formatDate(financeDate)}` : ""]
      .filter(Boolean)
      .join(", "),
    limitDays: ctx.settings.financeStalenessLimitDays ?? DEFAULT_FINANCE_STALENESS_DAYS,
    source: s.financeDataAsAt.value !== null ? s.financeDataAsAt.ref : (latest?.periodEnd.ref ?? null),
    what: "The finance figures",
    fix: "Bring the HNB Finance sheet up to the latest forecast and update 'Finance data as at', or raise the finance staleness limit on the Settings sheet.",
    reportedByValidation: validated && s.financeDataAsAt.value !== null,
  });
  return { lines: [send, finance], issues };
}
