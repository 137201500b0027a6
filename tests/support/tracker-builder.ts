// Builds typed Tracker objects for core tests without a workbook: each value gets the cell address it would have
// in the template layout (header on row 1, data from row 2, columns in template order), so sources can be checked.
// `sampleTracker()` holds the seed dashboard's figures (refreshed 07/01/2025) and can be changed before build(); the
// funded EHCPs, population, statistical neighbours' shares, workstreams and milestone counts come from the sample
// tracker (scripts/make-sample-tracker.ts), the rest is typed where it is a test's own.
import { columnLetters } from "../../src/core/a1";
import { DEFAULT_RISK_BANDS } from "../../src/core/metrics/risk";
import type { KpiId, KpiUnit, MilestoneStatus, Polarity, RagGrade, RagValue } from "../../src/core/model";
import { SETTINGS_FIELDS, sheetSpec } from "../../src/core/template";
import type {
  Cell,
  FinanceRow,
  KpiRow,
  MilestoneRow,
  MonthlyRow,
  PlacesRow,
  ProgrammeRow,
  ProgrammeSettings,
  RiskRow,
  SectionId,
  Tracker,
  WorkstreamRow,
} from "../../src/core/tracker";
import { parseRag } from "../../src/core/parse/rag";
import {
  FUNDED_EHCPS,
  SAMPLE_FIRST_MONTH,
  SAMPLE_MILESTONE_COUNTS,
  SAMPLE_POPULATION_0_25,
  SAMPLE_SN_EHCP_SHARE,
  SAMPLE_SN_INMSS_SHARE,
  SAMPLE_WORKSTREAMS,
} from "../../scripts/make-sample-tracker";

const SECTIONS: SectionId[] = [
  "settings",
  "kpis",
  "monthly",
  "finance",
  "places",
  "programmes",
  "workstreams",
  "milestones",
  "risks",
];

const sheetName = (section: SectionId) => sheetSpec(section).name;

/** A cell of a table section: the column is found from the template so addresses match a real tracker. */
function tableCell<T>(section: SectionId, field: string, row: number, value: T | null | undefined): Cell<T> {
  const index = sheetSpec(section).columns.findIndex((c) => c.field === field);
  if (index < 0) throw new Error(`No column ${field} on ${section}`);
  return { value: value ?? null, ref: { sheet: sheetName(section), cell: `${columnLetters(index)}${row}` } };
}

/** A RAG as the reader would give it. */
export function rag(grade: RagGrade | null, track: "on" | "off" | null, text?: string): RagValue {
  return {
    grade,
    track,
    text: text ?? (grade ? `${grade}${track ? ` - ${track === "on" ? "On" : "Off"} Track` : ""}` : ""),
  };
}

export type SettingsInput = { [K in keyof ProgrammeSettings]?: ProgrammeSettings[K]["value"] };

export type MonthInput = { month: string } & {
  [K in Exclude<keyof MonthlyRow, "month" | "row">]?: number | null;
};

export interface KpiInput {
  target?: number | null;
  label?: string | null;
  targetLabel?: string | null;
  polarity?: Polarity | null;
  unit?: KpiUnit | null;
  tolerance?: number | null;
  actual?: number | null;
  actualAsAt?: string | null;
}

export interface FinanceInput {
  period: string;
  periodEnd?: string | null;
  budget?: number | null;
  forecastOutturn?: number | null;
  inYearNetPosition?: number | null;
  goalOverspend?: number | null;
  spendForAverageCost?: number | null;
}

export interface PlacesInput {
  month: string;
  delivered?: number | null;
  filled?: number | null;
  required?: number | null;
  costPerPlace?: number | null;
}

export interface MilestoneInput {
  programme: number;
  milestone: string;
  dueDate: string | null;
  status: MilestoneStatus | null;
  completedDate?: string | null;
  workstream?: string;
}

export interface RiskInput {
  id: string;
  title?: string;
  consequence?: string;
  owner?: string;
  impact: number | null;
  likelihood: number | null;
  typedScore?: number | null;
  action?: string;
  status?: "open" | "closed" | null;
  reviewDate?: string | null;
}

export class TrackerBuilder {
  private settingsValues: SettingsInput = {};
  private kpiInputs: { id: KpiId; input: KpiInput }[] = [];
  private monthInputs: MonthInput[] = [];
  private financeInputs: FinanceInput[] = [];
  private placesInputs: PlacesInput[] = [];
  private programmeInputs: { number: number; name: string; note?: string }[] = [];
  private workstreamInputs: { programme: number; name: string; rag: RagValue }[] = [];
  private milestoneInputs: MilestoneInput[] = [];
  private riskInputs: RiskInput[] = [];
  private missing = new Set<SectionId>();

  withSettings(values: SettingsInput): this {
    this.settingsValues = { ...this.settingsValues, ...values };
    return this;
  }

  withKpi(id: KpiId, input: KpiInput): this {
    const existing = this.kpiInputs.find((k) => k.id === id);
    if (existing) existing.input = { ...existing.input, ...input };
    else this.kpiInputs.push({ id, input });
    return this;
  }

  withoutKpi(id: KpiId): this {
    this.kpiInputs = this.kpiInputs.filter((k) => k.id !== id);
    return this;
  }

  withMonths(...months: MonthInput[]): this {
    this.monthInputs.push(...months);
    return this;
  }

  /** Changes or removes months already added (for gaps and edge cases). */
  mapMonths(fn: (m: MonthInput) => MonthInput | null): this {
    this.monthInputs = this.monthInputs.map(fn).filter((m): m is MonthInput => m !== null);
    return this;
  }

  clearMonths(): this {
    this.monthInputs = [];
    return this;
  }

  withFinance(...periods: FinanceInput[]): this {
    this.financeInputs.push(...periods);
    return this;
  }

  clearFinance(): this {
    this.financeInputs = [];
    return this;
  }

  withPlaces(...rows: PlacesInput[]): this {
    this.placesInputs.push(...rows);
    return this;
  }

  clearPlaces(): this {
    this.placesInputs = [];
    return this;
  }

  withProgramme(number: number, name: string, note?: string): this {
    this.programmeInputs.push({ number, name, note });
    return this;
  }

  withWorkstream(programme: number, name: string, ragValue: RagValue): this {
    this.workstreamInputs.push({ programme, name, rag: ragValue });
    return this;
  }

  clearWorkstreams(): this {
    this.workstreamInputs = [];
    return this;
  }

  withMilestone(...milestones: MilestoneInput[]): this {
    this.milestoneInputs.push(...milestones);
    return this;
  }

  clearMilestones(): this {
    this.milestoneInputs = [];
    return this;
  }

  withRisk(...risks: RiskInput[]): this {
    this.riskInputs.push(...risks);
    return this;
  }

  clearRisks(): this {
    this.riskInputs = [];
    return this;
  }

  /** Marks a sheet as absent from the workbook (its rows are dropped). */
  withoutSheet(section: SectionId): this {
    this.missing.add(section);
    return this;
  }

  build(): Tracker {
    const settingsSheet = sheetName("settings");
    const settings = {} as Record<string, Cell<unknown>>;
    SETTINGS_FIELDS.forEach((f, i) => {
      const value = (this.settingsValues as Record<string, unknown>)[f.field];
      settings[f.field] = { value: value ?? null, ref: { sheet: settingsSheet, cell: `B${i + 2}` } };
    });
    const has = (s: SectionId) => !this.missing.has(s);
    const kpis: KpiRow[] = has("kpis")
      ? this.kpiInputs.map(({ id, input }, i) => {
          const row = i + 2;
          const c = <T>(field: string, v: T | null | undefined) => tableCell<T>("kpis", field, row, v);
          return {
            id,
            label: c("label", input.label),
            target: c("target", input.target),
            targetLabel: c("targetLabel", input.targetLabel),
            polarity: c("polarity", input.polarity),
            unit: c("unit", input.unit),
            tolerance: c("tolerance", input.tolerance),
            actual: c("actual", input.actual),
            actualAsAt: c("actualAsAt", input.actualAsAt),
            row,
          };
        })
      : [];
    const monthlyFields = sheetSpec("monthly").columns.map((c) => c.field);
    const monthly: MonthlyRow[] = has("monthly")
      ? this.monthInputs.map((m, i) => {
          const row = i + 2;
          const out: Record<string, unknown> = { row };
          for (const f of monthlyFields)
            out[f] = tableCell("monthly", f, row, (m as Record<string, unknown>)[f]);
          return out as unknown as MonthlyRow;
        })
      : [];
    const finance: FinanceRow[] = has("finance")
      ? this.financeInputs.map((p, i) => {
          const row = i + 2;
          const c = <T>(field: string, v: T | null | undefined) => tableCell<T>("finance", field, row, v);
          return {
            period: c("period", p.period),
            // The reader puts the period end beside the period text; it has no column of its own.
            periodEnd: { value: p.periodEnd ?? null, ref: c("period", p.period).ref },
            budget: c("budget", p.budget),
            forecastOutturn: c("forecastOutturn", p.forecastOutturn),
            inYearNetPosition: c("inYearNetPosition", p.inYearNetPosition),
            goalOverspend: c("goalOverspend", p.goalOverspend),
            spendForAverageCost: c("spendForAverageCost", p.spendForAverageCost),
            row,
          };
        })
      : [];
    const places: PlacesRow[] = has("places")
      ? this.placesInputs.map((p, i) => {
          const row = i + 2;
          const c = <T>(field: string, v: T | null | undefined) => tableCell<T>("places", field, row, v);
          return {
            month: c("month", p.month),
            delivered: c("delivered", p.delivered),
            filled: c("filled", p.filled),
            required: c("required", p.required),
            costPerPlace: c("costPerPlace", p.costPerPlace),
            row,
          };
        })
      : [];
    const programmes: ProgrammeRow[] = has("programmes")
      ? this.programmeInputs.map((p, i) => {
          const row = i + 2;
          return {
            number: tableCell("programmes", "number", row, p.number),
            name: tableCell("programmes", "name", row, p.name),
            note: tableCell("programmes", "note", row, p.note ?? null),
            row,
          };
        })
      : [];
    const workstreams: WorkstreamRow[] = has("workstreams")
      ? this.workstreamInputs.map((w, i) => {
          const row = i + 2;
          return {
            programme: tableCell("workstreams", "programme", row, w.programme),
            name: tableCell("workstreams", "name", row, w.name),
            rag: tableCell("workstreams", "rag", row, w.rag),
            lead: tableCell<string>("workstreams", "lead", row, "Head of SEND"),
            commentary: tableCell<string>("workstreams", "commentary", row, null),
            row,
          };
        })
      : [];
    const milestones: MilestoneRow[] = has("milestones")
      ? this.milestoneInputs.map((m, i) => {
          const row = i + 2;
          return {
            programme: tableCell("milestones", "programme", row, m.programme),
            workstream: tableCell("milestones", "workstream", row, m.workstream ?? null),
            milestone: tableCell("milestones", "milestone", row, m.milestone),
            dueDate: tableCell("milestones", "dueDate", row, m.dueDate),
            status: tableCell("milestones", "status", row, m.status),
            completedDate: tableCell("milestones", "completedDate", row, m.completedDate ?? null),
            row,
          };
        })
      : [];
    const risks: RiskRow[] = has("risks")
      ? this.riskInputs.map((r, i) => {
          const row = i + 2;
          const c = <T>(field: string, v: T | null | undefined) => tableCell<T>("risks", field, row, v);
          return {
            id: c("id", r.id),
            title: c("title", r.title ?? `Risk ${r.id}`),
            consequence: c("consequence", r.consequence ?? ""),
            owner: c("owner", r.owner ?? "Director of Education and Skills"),
            impact: c("impact", r.impact),
            likelihood: c("likelihood", r.likelihood),
            typedScore: c("typedScore", r.typedScore),
            action: c("action", r.action ?? ""),
            status: c("status", r.status === undefined ? "open" : r.status),
            reviewDate: c("reviewDate", r.reviewDate),
            row,
          };
        })
      : [];
    const found = Object.fromEntries(SECTIONS.map((s) => [s, has(s)])) as Record<SectionId, boolean>;
    const sheetNames: Partial<Record<SectionId, string>> = {};
    for (const s of SECTIONS) if (has(s)) sheetNames[s] = sheetName(s);
    return {
      settings: settings as unknown as ProgrammeSettings,
      kpis,
      monthly,
      finance,
      places,
      programmes,
      workstreams,
      milestones,
      risks,
      found,
      sheetNames,
    };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The seed dashboard's tracker

/** Funded EHCPs Jan-23 .. Dec-24, the sample tracker's (from Apr-22); Sep-Dec of both years are the dashboard's. */
const SAMPLE_FUNDED = FUNDED_EHCPS.slice(
  (2023 - SAMPLE_FIRST_MONTH.year) * 12 - (SAMPLE_FIRST_MONTH.month - 1),
);
/** Placed in INMSS Jan-23 .. Dec-24: 2024 chosen so the mean of the 2024 monthly shares is 5.75%. */
const SAMPLE_INMSS = [
  286, 290, 293, 296, 299, 302, 305, 306, 310, 318, 319, 317, 320, 322, 326, 330, 333, 337, 341, 345, 354,
  359, 359, 358,
];

/** "2023-01" plus i months. */
const sampleMonth = (i: number) => {
  const y = 2023 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, "0")}`;
};

const SAMPLE_NARRATIVE =
  "Overall, SEND Transformation is Amber/Red - At Risk. This is because, despite significant progress being made on the project activity we are not yet seeing these efforts reflected in the data.";

/** A builder holding the seed dashboard's tracker, to be changed by a test before build(). */
export function sampleTracker(): TrackerBuilder {
  const b = new TrackerBuilder().withSettings({
    programmeName: "SEND Transformation",
    council: "Wiltshire Council",
    reportingDate: "2025-01-10",
    sendDataRefreshed: "2025-01-07",
    financeDataAsAt: "2024-11-15",
    financeBasis: "Q2 Forecast",
    financialYear: "2024/25",
    overallRag: rag("Amber/Red", null, "Amber/Red - At Risk"),
    ragNarrative: SAMPLE_NARRATIVE,
    riskThreshold: 15,
    riskBands: DEFAULT_RISK_BANDS.map((b) => ({ ...b })),
    sendStalenessDays: 45,
    financeStalenessDays: 120,
    twentyWeekVariant: "excluding_exceptions",
    populationAgeBand: "0-25",
    ceasedIncludeTransfers: false,
  });
  b.withKpi("ehcp_count", {
    target: 5707,
    targetLabel: "Forecast to date",
    tolerance: 50,
    actual: 6357,
    actualAsAt: "2025-01-07",
  })
    .withKpi("hnb_overspend", { target: 28_210_000, tolerance: 500_000 })
    .withKpi("inmss_share", { target: 0.0692, tolerance: 0.0025 });
  SAMPLE_FUNDED.forEach((funded, i) => {
    const calMonth = (i % 12) + 1;
    b.withMonths({
      month: sampleMonth(i),
      fundedEhcps: funded,
      forecastEhcps: Math.round(4790 + ((5707 - 4790) * i) / 23),
      population0to25: SAMPLE_POPULATION_0_25,
      statNeighbourEhcpShare: SAMPLE_SN_EHCP_SHARE,
      placedInInmss: SAMPLE_INMSS[i],
      statNeighbourInmssShare: SAMPLE_SN_INMSS_SHARE,
      plansCeased: 24 + (calMonth === 7 || calMonth === 8 ? 14 : 0) + (i % 3),
      ehcnaRequests: 130,
      decisionsWithin20Weeks: 60 + (i % 5),
      decisionsTotal: 100,
      plansIssuedWithin20Weeks: 45 + (i % 4),
      plansIssuedTotal: 90,
    });
  });
  const m = 1_000_000;
  b.withFinance(
    {
      period: "Q1 2024/25",
      periodEnd: "2024-06-30",
      budget: 112.4 * m,
      forecastOutturn: 150.9 * m,
      goalOverspend: 28.21 * m,
      spendForAverageCost: 135.7 * m,
    },
    {
      period: "Q2 2024/25",
      periodEnd: "2024-09-30",
      budget: 112.4 * m,
      forecastOutturn: 155.6 * m,
      goalOverspend: 28.21 * m,
      spendForAverageCost: 140.1 * m,
    },
  );
  b.withPlaces(
    { month: "2024-09", delivered: 330, filled: 320, required: 391, costPerPlace: 38_620 },
    { month: "2024-10", delivered: 333, filled: 320, required: 394, costPerPlace: 38_620 },
    { month: "2024-11", delivered: 336, filled: 323, required: 397, costPerPlace: 38_620 },
    { month: "2024-12", delivered: 342, filled: 318, required: 400, costPerPlace: 38_620 },
  );
  b.withProgramme(
    1,
    "Voice of the child and their family",
    "Further work to be done as part of developing the SEND Strategy Implementation Plan to understand what the workstreams and data are for this area.",
  );
  // The sample tracker's workstreams, their RAG words read as the reader reads them.
  for (const [p, name, text] of SAMPLE_WORKSTREAMS) {
    const parsed = parseRag(text);
    if (!parsed.ok) throw new Error(`The sample's RAG "${text}" does not parse`);
    b.withWorkstream(p, name, rag(parsed.value.grade, parsed.value.track, parsed.value.text));
  }
  // The sample's milestone counts, the dashboard's "Status of Milestones Due" (P3 7 complete and 3 on track, P4 10,
  // P5 10, P6 12 and 5). Override: programme 2's milestones are left out, so its workstreams stand alone here.
  const milestoneCounts = Object.entries(SAMPLE_MILESTONE_COUNTS)
    .map(([p, c]) => [Number(p), c.complete, c.onTrack] as const)
    .filter(([p]) => p !== 2);
  for (const [p, complete, onTrack] of milestoneCounts) {
    for (let k = 0; k < complete; k++)
      b.withMilestone({
        programme: p,
        milestone: `Milestone ${k + 1}`,
        dueDate: `2024-${String(2 + (k % 10)).padStart(2, "0")}-28`,
        status: "complete",
        completedDate: `2024-${String(2 + (k % 10)).padStart(2, "0")}-20`,
      });
    for (let k = 0; k < onTrack; k++)
      b.withMilestone({
        programme: p,
        milestone: `Milestone ${complete + k + 1}`,
        dueDate: `2025-${String(2 + k).padStart(2, "0")}-28`,
        status: "on_track",
      });
  }
  b.withRisk(
    {
      id: "R01",
      title: "If growth is stronger than forecast, we will not meet our trajectory.",
      consequence:
        "The Council will face further financial difficulty and the DfE may withhold payments under the Safety Valve agreement",
      impact: 5,
      likelihood: 4,
      typedScore: 20,
      action: "This risk has become an issue, and so we are reforecasting the plan.",
    },
    {
      id: "R02",
      title: "There is a risk that the capital programme fails to generate a reduction in INMSS placements",
      consequence: "These expensive placements will continue to increase, and drive the deficit.",
      impact: 4,
      likelihood: 4,
      typedScore: 16,
    },
    { id: "R03", impact: 3, likelihood: 4, typedScore: 12 },
    { id: "R05", impact: 4, likelihood: 3, typedScore: 12 },
    { id: "R09", impact: 5, likelihood: 3, typedScore: 15, status: "closed" },
  );
  return b;
}
