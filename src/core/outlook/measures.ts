// One trajectory measure's outlook: its projection to the year end beside the trajectory's own year-end figure,
// the gap, and the steady monthly change that would land on the trajectory, each also told in a plain sentence.
// Every part that cannot be worked out is left empty with a one-line reason; nothing here throws.
import { formatByUnit, formatMonth, formatPp, formatShare } from "../format";
import type {
  OutlookMeasure,
  OutlookMeasureId,
  OutlookProjection,
  OutlookTrajectory,
  Polarity,
  SourceRef,
} from "../model";
import { valueAt, type MonthlySeries } from "../metrics/series";
import { varianceStatus } from "../metrics/variance";
import { projectToYearEnd, TREND_MONTHS } from "./projection";

/** Where a measure's trajectory comes from: a monthly column of the tracker, or a single KPI target. */
export type TrajectorySource =
  | {
      kind: "series";
      series: MonthlySeries;
      /** "the forecast on the SEND Monthly sheet" */
      what: string;
      label: string;
      sourceAt: (month: string) => SourceRef | null;
    }
  | { kind: "target"; value: number; label: string; source: SourceRef | null; note: string };

export interface MeasureInput {
  id: OutlookMeasureId;
  label: string;
  unit: "count" | "share";
  polarity: Polarity;
  tolerance: number;
  /** The measure's monthly values. */
  actual: MonthlySeries;
  /** "funded EHCPs on the SEND Monthly sheet": names the series in reasons. */
  actualWhat: string;
  /** "funded EHCPs": the subject of the projection sentence. */
  subject: string;
  /** "the count": the subject of the change-needed sentence. */
  shortSubject: string;
  /** The trajectory, or why there is none. */
  trajectory: TrajectorySource | { kind: "none"; reason: string };
  /** Cells the actual values came from. */
  sources: SourceRef[];
}

/** Longest tracker text (a label, a risk title) a sentence quotes whole; a sentence is one cell on the page. */
export const QUOTE_LIMIT = 200;

/**
 * Tracker text as a sentence quotes it: whole up to QUOTE_LIMIT characters, else cut at a word with an ellipsis,
 * so a 32,767-character risk title cannot take the sentence past Excel's limit for a cell.
 */
export function clip(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, "")}…`;
}

/** Counts are plans: projected and trajectory figures are whole numbers so the page's sums add up. */
const level = (value: number, unit: "count" | "share") => (unit === "count" ? Math.round(value) : value);

/** A level as the page shows it: 6,592 or 5.62%. */
export const levelText = (value: number, unit: "count" | "share") =>
  unit === "count" ? formatByUnit(value, "count") : formatShare(value);

/** The size of a change, without a sign: "80", "0.05 pp"; "less than 1" when it rounds to nothing. */
export function amountText(change: number, unit: "count" | "share"): string {
  const text =
    unit === "count" ? formatByUnit(Math.abs(change), "count") : formatPp(Math.abs(change)).slice(1);
  const zero = unit === "count" ? "0" : "0.00 pp";
  if (text === zero && change !== 0) return unit === "count" ? "less than 1" : "less than 0.01 pp";
  return text;
}

/** "risen by 80 a month", "fallen by 0.05 pp a month", "stayed level" (a change that rounds to nothing). */
function pastChange(change: number, unit: "count" | "share"): string {
  if (change === 0) return "stayed level";
  return `${change > 0 ? "risen" : "fallen"} by ${amountText(change, unit)} a month`;
}

/** The trajectory's figure at the year end, or why there is none. */
function trajectoryAtYearEnd(
  source: TrajectorySource,
  yearEnd: string,
  unit: "count" | "share",
): { ok: true; trajectory: OutlookTrajectory } | { ok: false; reason: string } {
  if (source.kind === "target")
    return {
      ok: true,
      trajectory: {
        value: source.value,
        basis: "kpi_target",
        label: source.label,
        carriedFrom: null,
        note: source.note,
        sources: source.source ? [source.source] : [],
      },
    };
  const atYearEnd = valueAt(source.series, yearEnd);
  if (atYearEnd !== null) {
    const ref = source.sourceAt(yearEnd);
    return {
      ok: true,
      trajectory: {
        value: level(atYearEnd, unit),
        basis: "tracker",
        label: source.label,
        carriedFrom: null,
        note: `The trajectory's ${formatMonth(yearEnd)} figure is ${source.what}.`,
        sources: ref ? [ref] : [],
      },
    };
  }
  // The forecast stops short of the year end: carry it on at its own recent rate, and say so.
  const carried = projectToYearEnd(source.series, yearEnd, source.what);
  if (!carried.ok)
    return {
      ok: false,
      reason: `The trajectory has no ${formatMonth(yearEnd)} figure and cannot be carried on to it: ${carried.reason.charAt(0).toLowerCase()}${carried.reason.slice(1)}`,
    };
  const p = carried.projection;
  const ref = source.sourceAt(p.fromMonth);
  const rate = p.averageMonthlyChange;
  return {
    ok: true,
    trajectory: {
      value: level(p.projected, unit),
      basis: "extended",
      label: source.label,
      carriedFrom: p.fromMonth,
      note:
        `${source.what.charAt(0).toUpperCase()}${source.what.slice(1)} ends at ${formatMonth(p.fromMonth)}; it is carried on to ` +
        `${formatMonth(yearEnd)} at its own average monthly change over the last ${TREND_MONTHS} months ` +
        `(${rate >= 0 ? "+" : "-"}${amountText(rate, unit)} a month).`,
      sources: ref ? [ref] : [],
    },
  };
}

/** "on trajectory", or "within the forecast" where a KPI target stands for the trajectory. */
const onTrajectory = (t: OutlookTrajectory) =>
  t.basis === "kpi_target" ? `within the ${t.label.toLowerCase()}` : "on trajectory";

/**
 * The steady monthly change that lands on the trajectory at the year end, set against the change of the last six
 * months, in the words a finance officer would use. `needed` is (trajectory - latest) / months left.
 */
function neededSentence(
  m: { shortSubject: string; unit: "count" | "share"; polarity: Polarity },
  projection: OutlookProjection,
  trajectory: OutlookTrajectory,
  needed: number,
  status: OutlookMeasure["status"],
  yearEnd: string,
): string {
  const by = formatMonth(yearEnd);
  const goal = onTrajectory(trajectory);
  const recent = `it has ${pastChange(projection.averageMonthlyChange, m.unit)} over the last six months`;
  const worseIsUp = m.polarity === "higher_is_worse";
  const latestIsWorse = worseIsUp
    ? projection.fromValue > trajectory.value
    : projection.fromValue < trajectory.value;
  const amount = amountText(needed, m.unit);
  const direction = needed > 0 ? "rise" : "fall";
  if (status !== "adverse")
    return `On this trend ${m.shortSubject} ${latestIsWorse ? "is back" : "stays"} ${goal} ${latestIsWorse ? "by" : "to"} ${by}; ${recent}.`;
  if (latestIsWorse)
    return `To be back ${goal} by ${by} ${m.shortSubject} would have to ${direction} by ${amount} a month; ${recent}.`;
  // On the right side today but heading across it: the most it can move the wrong way.
  return needed === 0
    ? `To stay ${goal} to ${by} ${m.shortSubject} would have to stay level; ${recent}.`
    : `To stay ${goal} to ${by} ${m.shortSubject} could ${direction} by no more than ${amount} a month; ${recent}.`;
}

/** How every projection sentence opens; the narrative says "On its own six-month trend, " for the second. */
export const TREND_OPENING = "On the trend of the last six months, ";

/**
 * The projection and its gap in one sentence: "On the trend of the last six months, funded EHCPs would be about
 * 6,592 by Mar-25 (range 6,497 to 6,677), 771 above the trajectory of 5,821 (carried on from Dec-24)."
 */
function projectionSentence(
  subject: string,
  p: OutlookProjection,
  t: OutlookTrajectory | null,
  gap: number | null,
  u: "count" | "share",
  by: string,
): string {
  const range =
    p.monthsToYearEnd === 0 || levelText(p.low, u) === levelText(p.high, u)
      ? ""
      : ` (range ${levelText(p.low, u)} to ${levelText(p.high, u)})`;
  let text =
    p.monthsToYearEnd === 0
      ? `${subject.charAt(0).toUpperCase()}${subject.slice(1)} ended the year at ${levelText(p.fromValue, u)} (${by})`
      : `${TREND_OPENING}${subject} would be about ${levelText(p.projected, u)} by ${by}${range}`;
  if (t && gap !== null) {
    const target =
      t.basis === "kpi_target"
        ? `the ${t.label.toLowerCase()} of ${levelText(t.value, u)}`
        : `the trajectory of ${levelText(t.value, u)}${t.carriedFrom ? ` (carried on from ${formatMonth(t.carriedFrom)})` : ""}`;
    text +=
      gap === 0
        ? `, exactly on ${target}`
        : `, ${amountText(gap, u)} ${gap > 0 ? "above" : "below"} ${target}`;
  }
  return `${text}.`;
}

/** The outlook of one measure to `yearEnd` ("YYYY-MM"). */
export function measureOutlook(input: MeasureInput, yearEnd: string): OutlookMeasure {
  const reasons: string[] = [];
  const sources: SourceRef[] = [...input.sources];
  const result: OutlookMeasure = {
    id: input.id,
    label: input.label,
    unit: input.unit,
    polarity: input.polarity,
    tolerance: input.tolerance,
    projection: null,
    trajectory: null,
    gapAtYearEnd: null,
    status: null,
    neededMonthlyChange: null,
    projectionText: "",
    neededText: "",
    reasons,
    sources,
  };

  const projected = projectToYearEnd(input.actual, yearEnd, input.actualWhat);
  if (projected.ok) {
    const p = projected.projection;
    result.projection = {
      ...p,
      projected: level(p.projected, input.unit),
      low: level(p.low, input.unit),
      high: level(p.high, input.unit),
    };
  } else reasons.push(projected.reason);

  if (input.trajectory.kind === "none") reasons.push(input.trajectory.reason);
  else {
    const t = trajectoryAtYearEnd(input.trajectory, yearEnd, input.unit);
    if (t.ok) {
      result.trajectory = t.trajectory;
      sources.push(...t.trajectory.sources);
    } else reasons.push(t.reason);
  }

  const p = result.projection;
  const t = result.trajectory;
  if (p && t) {
    result.gapAtYearEnd = p.projected - t.value;
    result.status = varianceStatus(result.gapAtYearEnd, input.polarity, input.tolerance);
    if (p.monthsToYearEnd === 0) {
      result.neededText = "The year has ended, so no monthly change can close the gap now.";
    } else {
      const needed = (t.value - p.fromValue) / p.monthsToYearEnd;
      result.neededMonthlyChange = needed;
      result.neededText = neededSentence(input, p, t, needed, result.status, yearEnd);
    }
  }
  if (p)
    result.projectionText = projectionSentence(
      input.subject,
      p,
      t,
      result.gapAtYearEnd,
      input.unit,
      formatMonth(yearEnd),
    );
  return result;
}
