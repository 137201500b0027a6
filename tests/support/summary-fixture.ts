// A hand-built, fully populated PortfolioSummary carrying the figures of the council's real dashboard
// (seed/send-portfolio-dashboard.txt), for tests of everything downstream of the engine (layout, pane, CLI).
// makeSummaryFixture() returns a fresh copy each call, so a test may change it without affecting another.
import type {
  ChartData,
  Issue,
  MetricTable,
  MilestoneCounts,
  PortfolioSummary,
  RagCounts,
  RagValue,
  Workstream,
} from "../../src/core/model";
import { DEFAULT_RISK_BANDS } from "../../src/core/metrics/risk";

const rag = (text: string, grade: RagValue["grade"], track: RagValue["track"]): RagValue => ({
  text,
  grade,
  track,
});
const GREEN_ON_TRACK = rag("Green - On Track", "Green", "on");

const PROGRAMME_NAMES = [
  "Voice of the child and their family",
  "Improving support, skills and practice",
  "Right support at the right time",
  "Preparation for adulthood",
  "Financial assurance in our SEND system",
  "Improving communication, process and systems",
];

let workstreamRow = 2;
const workstream = (programme: number, name: string, value: RagValue, lead: string, commentary: string) => {
  const row = workstreamRow++;
  return {
    programme,
    name,
    rag: value,
    lead,
    commentary,
    source: { sheet: "Workstreams", cell: `D${row}` },
  } satisfies Workstream;
};

/** The 16 workstreams of the dashboard, programmes 2-6 (programme 1 has none yet). */
function workstreams(): Workstream[] {
  workstreamRow = 2;
  return [
    workstream(
      2,
      "Improved early support offer, building on the Family Hub pilot",
      GREEN_ON_TRACK,
      "Head of Early Help",
      "Family Hub pilot evaluated; roll-out to two further hubs agreed.",
    ),
    workstream(
      2,
      "Improved pathway navigation to ensure early support offer is fully utilised by early years",
      GREEN_ON_TRACK,
      "Early Years Lead",
      "Pathway published on the Local Offer in November.",
    ),
    workstream(
      2,
      "Multi-agency approach to supporting schools before an EHCP is issued",
      rag("Amber / Green - Off Track", "Amber/Green", "off"),
      "Head of SEND",
      "Health partners' capacity is delaying the joint panel; revised start date February 2025.",
    ),
    workstream(
      2,
      "New Team of Inclusion Advisors working in schools",
      GREEN_ON_TRACK,
      "Head of Inclusion",
      "All six advisers in post.",
    ),
    workstream(3, "Additional Secondary Resource Bases", GREEN_ON_TRACK, "Head of Place Planning", ""),
    workstream(
      3,
      "Further improvements to our Resource Base model",
      GREEN_ON_TRACK,
      "Head of SEND",
      "New service level agreement signed by all resource bases.",
    ),
    workstream(
      3,
      "Proactive approach to bringing children back into a mainstream setting",
      GREEN_ON_TRACK,
      "Head of Inclusion",
      "",
    ),
    workstream(
      4,
      "Clear set of attractive employment options for young people with SEND, developed with employers",
      GREEN_ON_TRACK,
      "Preparation for Adulthood Lead",
      "",
    ),
    workstream(
      4,
      "Increase PfA capacity to allow more informed and proactive conversations about ceasing plans.",
      GREEN_ON_TRACK,
      "Preparation for Adulthood Lead",
      "",
    ),
    workstream(
      4,
      "To increase the options, support and information in order to better prepare young people with SEND for adulthood.",
      GREEN_ON_TRACK,
      "Preparation for Adulthood Lead",
      "",
    ),
    workstream(
      5,
      "Further development of our decision-making panels and review related processes",
      GREEN_ON_TRACK,
      "SEND Finance Business Partner",
      "",
    ),
    workstream(
      5,
      "Review of school SEND funding including special schools and top ups",
      GREEN_ON_TRACK,
      "SEND Finance Business Partner",
      "Consultation with Schools Forum closes in January.",
    ),
    workstream(
      6,
      "Clear the EHCNA backlog and create a Tribunals Team to effectively manage the process",
      GREEN_ON_TRACK,
      "Head of SEND Statutory Services",
      "",
    ),
    workstream(
      6,
      "Communications strategy for communicating with parent carers",
      GREEN_ON_TRACK,
      "Communications Lead",
      "",
    ),
    workstream(6, "Early Help Hub and Advice", GREEN_ON_TRACK, "Head of Early Help", ""),
    workstream(
      6,
      "Further integrated processes and paperwork in our system to drive efficiencies",
      GREEN_ON_TRACK,
      "Head of SEND Statutory Services",
      "",
    ),
  ];
}

const counts = (green: number, amberGreen = 0, amber = 0, amberRed = 0, red = 0): RagCounts => ({
  Green: green,
  "Amber/Green": amberGreen,
  Amber: amber,
  "Amber/Red": amberRed,
  Red: red,
});

const milestones = (complete: number, onTrack: number, atRisk = 0, overdue = 0): MilestoneCounts => ({
  complete,
  on_track: onTrack,
  at_risk: atRisk,
  overdue,
});

/** Months "YYYY-MM" from `start`, `count` of them. */
function months(start: string, count: number): string[] {
  const [y, m] = start.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const total = y * 12 + (m - 1) + i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
  });
}

// Funded EHCPs April 2022 - December 2024 (33 months). Sep-Dec 2024 and 2023 match the dashboard's table.
const EHCP_ACTUAL = [
  4310, 4372, 4431, 4480, 4502, 4561, 4633, 4702, 4760, 4815, 4877, 4940, 5002, 5068, 5131, 5180, 5214, 5301,
  5343, 5418, 5481, 5540, 5611, 5679, 5742, 5810, 5876, 5931, 5968, 6059, 6166, 6274, 6353,
];
// The Safety Valve trajectory starts in April 2023; it reaches 5,707 by December 2024 (the tile's forecast to date).
const EHCP_FORECAST = [
  ...Array<null>(12).fill(null),
  5002,
  5037,
  5072,
  5107,
  5142,
  5177,
  5212,
  5247,
  5282,
  5317,
  5352,
  5387,
  5422,
  5457,
  5492,
  5527,
  5562,
  5597,
  5632,
  5667,
  5707,
];

function charts(): ChartData[] {
  const year2024 = months("2024-01", 12);
  const programmeLabels = PROGRAMME_NAMES.map((name, i) => `${i + 1} - ${name}`);
  return [
    {
      id: "workstream_rag",
      title: "Workstream status by programme",
      kind: "stacked_bar",
      categoryAxisTitle: "Programme",
      valueAxisTitle: "Workstreams",
      valueUnit: "count",
      categories: programmeLabels,
      series: [
        { name: "Green", values: [0, 3, 3, 3, 2, 4] },
        { name: "Amber/Green", values: [0, 1, 0, 0, 0, 0] },
        { name: "Amber", values: [0, 0, 0, 0, 0, 0] },
        { name: "Amber/Red", values: [0, 0, 0, 0, 0, 0] },
        { name: "Red", values: [0, 0, 0, 0, 0, 0] },
      ],
    },
    {
      id: "ehcp_trajectory",
      title: "Number of EHCPs against the Safety Valve trajectory",
      kind: "line",
      categoryAxisTitle: "Month",
      valueAxisTitle: "Funded EHCPs",
      valueUnit: "count",
      categories: months("2022-04", 33),
      series: [
        { name: "Funded EHCPs", values: [...EHCP_ACTUAL] },
        { name: "Safety Valve forecast", values: [...EHCP_FORECAST] },
      ],
    },
    {
      id: "inmss_share",
      title: "Children with an EHCP in independent special schools (12-month rolling average)",
      kind: "line",
      categoryAxisTitle: "Month",
      valueAxisTitle: "Share of EHCPs",
      valueUnit: "share",
      categories: year2024,
      series: [
        {
          name: "Placed in INMSS",
          values: [
            0.0601, 0.0599, 0.0597, 0.0594, 0.0592, 0.059, 0.0588, 0.0587, 0.0585, 0.0582, 0.0572, 0.0564,
          ],
        },
        { name: "Statistical neighbours (2023)", values: Array<number>(12).fill(0.0572) },
      ],
    },
    {
      id: "special_school_places",
      title: "New special school places (running total)",
      kind: "column",
      categoryAxisTitle: "Month",
      valueAxisTitle: "Places",
      valueUnit: "count",
      categories: year2024,
      series: [
        { name: "Places delivered", values: [120, 120, 150, 150, 150, 190, 190, 190, 250, 250, 250, 262] },
        { name: "Places required", values: Array<number>(12).fill(320) },
      ],
    },
    {
      id: "ceased_plans",
      title: "EHCPs ceased (12-month rolling average)",
      kind: "line",
      categoryAxisTitle: "Month",
      valueAxisTitle: "Plans ceased a month",
      valueUnit: "count",
      categories: year2024,
      series: [
        {
          name: "Plans ceased (excluding transfers)",
          values: [41.2, 41.9, 42.5, 43.1, 43.0, 43.8, 44.6, 45.3, 46.1, 46.0, 46.8, 47.5],
        },
      ],
    },
    {
      id: "hnb_net_position",
      title: "In-year net position of the High Needs Block",
      kind: "column",
      categoryAxisTitle: "Financial year",
      valueAxisTitle: "Net position (£m)",
      valueUnit: "money",
      categories: ["2019/20", "2020/21", "2021/22", "2022/23", "2023/24", "2024/25"],
      series: [
        {
          name: "Outturn / forecast",
          values: [-8100000, -12400000, -19900000, -27500000, -31000000, -43200000],
        },
        { name: "Safety Valve plan", values: [null, null, null, -27000000, -30500000, -28210000] },
      ],
    },
    {
      id: "average_cost_per_ehcp",
      title: "Average cost per EHCP",
      kind: "line",
      categoryAxisTitle: "Month",
      valueAxisTitle: "Cost a year (£)",
      valueUnit: "money",
      categories: year2024,
      series: [
        {
          name: "Average cost per EHCP",
          values: [23910, 23980, 24020, 24110, 24150, 24230, 24290, 24340, 24410, 24480, 24560, 24650],
        },
      ],
    },
    {
      id: "twenty_week_rates",
      title: "EHC plans issued within 20 weeks",
      kind: "line",
      categoryAxisTitle: "Month",
      valueAxisTitle: "Share issued on time",
      valueUnit: "share",
      categories: year2024,
      series: [
        {
          name: "Including exceptions",
          values: [0.312, 0.335, 0.351, 0.378, 0.402, 0.415, 0.43, 0.452, 0.468, 0.471, 0.476, 0.482],
        },
        {
          name: "Excluding exceptions",
          values: [0.341, 0.362, 0.38, 0.401, 0.428, 0.44, 0.457, 0.478, 0.495, 0.5, 0.503, 0.511],
        },
        { name: "England 2024 (including exceptions)", values: Array<number>(12).fill(0.464) },
      ],
    },
    {
      id: "milestone_status",
      title: "Status of milestones due by programme",
      kind: "stacked_bar",
      categoryAxisTitle: "Programme",
      valueAxisTitle: "Milestones",
      valueUnit: "count",
      categories: programmeLabels,
      series: [
        { name: "Complete", values: [0, 2, 7, 0, 0, 12] },
        { name: "On track", values: [0, 6, 3, 10, 10, 5] },
        { name: "At risk", values: [0, 1, 0, 0, 0, 0] },
        { name: "Overdue", values: [0, 0, 0, 0, 0, 0] },
      ],
    },
  ];
}

function ehcpTable(): MetricTable {
  return {
    id: "ehcp_monthly",
    title: "EHCPs by month",
    columns: [
      { key: "month", label: "Date", unit: "month" },
      { key: "fundedEhcps", label: "# funded EHCPs", unit: "count" },
      { key: "changeVsLastYear", label: "EHCP v last year", unit: "signed_count" },
      { key: "shareOf0to25", label: "% 0-25 with EHCP", unit: "share" },
      { key: "gapToStatNeighbours", label: "EHCP % v Stat Neigh", unit: "pp" },
    ],
    rows: [
      {
        month: "2024-12",
        fundedEhcps: 6353,
        changeVsLastYear: 872,
        shareOf0to25: 0.0382,
        gapToStatNeighbours: 0.0063,
      },
      {
        month: "2024-11",
        fundedEhcps: 6274,
        changeVsLastYear: 856,
        shareOf0to25: 0.0377,
        gapToStatNeighbours: 0.0058,
      },
      {
        month: "2024-10",
        fundedEhcps: 6166,
        changeVsLastYear: 823,
        shareOf0to25: 0.037,
        gapToStatNeighbours: 0.0051,
      },
      {
        month: "2024-09",
        fundedEhcps: 6059,
        changeVsLastYear: 758,
        shareOf0to25: 0.0364,
        gapToStatNeighbours: 0.0045,
      },
    ],
    note: "0-25 population: ONS mid-2023 estimate (166,500). Statistical neighbour average 3.19%.",
  };
}

function inmssTable(): MetricTable {
  return {
    id: "inmss_monthly",
    title: "Children with an EHCP in independent special schools (12-month rolling average)",
    columns: [
      { key: "month", label: "Date", unit: "month" },
      { key: "share", label: "% placed in INMSS", unit: "share" },
      { key: "gapToStatNeighbours", label: "vs 2023 Stat Neighbour", unit: "pp" },
      { key: "placed", label: "# placed in INMSS", unit: "count" },
      { key: "changeVsLastYear", label: "vs last year", unit: "signed_count" },
    ],
    rows: [
      { month: "2024-12", share: 0.0564, gapToStatNeighbours: -0.0008, placed: 358, changeVsLastYear: 41 },
      { month: "2024-11", share: 0.0572, gapToStatNeighbours: 0, placed: 359, changeVsLastYear: 40 },
      { month: "2024-10", share: 0.0582, gapToStatNeighbours: 0.001, placed: 359, changeVsLastYear: 41 },
      { month: "2024-09", share: 0.0585, gapToStatNeighbours: 0.0013, placed: 354, changeVsLastYear: 44 },
    ],
  };
}

function hnbTable(): MetricTable {
  return {
    id: "hnb_quarters",
    title: "High Needs Block 2024/25 by forecast",
    columns: [
      { key: "period", label: "Forecast", unit: "text" },
      { key: "budget", label: "Budget (£m)", unit: "money" },
      { key: "forecast", label: "Forecast outturn (£m)", unit: "money" },
      { key: "netPosition", label: "In-year net position (£m)", unit: "money" },
    ],
    rows: [
      { period: "Q2 Forecast", budget: 96500000, forecast: 139700000, netPosition: -43200000 },
      { period: "Q1 Forecast", budget: 96500000, forecast: 131900000, netPosition: -35400000 },
    ],
  };
}

function issues(): Issue[] {
  return [
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
}

/** The dashboard's summary, as the engine should produce it from the sample tracker (reporting date 10/01/2025). */
export function makeSummaryFixture(): PortfolioSummary {
  const allWorkstreams = workstreams();
  const inProgramme = (n: number) => allWorkstreams.filter((w) => w.programme === n);
  const issueList = issues();
  return {
    schemaVersion: 1,
    generatedAt: "2025-01-10T09:30:00.000Z",
    source: { workbookName: "SEND Transformation Tracker.xlsx" },
    programme: {
      name: "SEND Transformation",
      council: "Wiltshire Council",
      reportingDate: "2025-01-10",
      financialYear: "2024/25",
      financeBasis: "Q2 Forecast",
    },
    overallRag: {
      value: "Amber/Red",
      computed: "Red",
      override: "Amber/Red",
      overrideText: "Amber/Red - At Risk",
      differs: true,
      reasons: [
        "Number of EHCPs is adverse: 650 more plans than forecast (tolerance 50).",
        "HNB overspend is adverse: £14.99m above the goal for this financial year.",
        "Two open risks score 15 or more.",
        "Two adverse headline KPIs with a key risk make the computed RAG Red.",
      ],
      narrative:
        "Overall, SEND Transformation is Amber/Red - At Risk. This is because, despite significant progress being made on the project activity we are not yet seeing these efforts reflected in the data. Clearly the assumptions about how quickly the impact of our efforts would be felt were optimistic and this is now being factored into future plans.\n\n" +
        "The number of EHCPs in the Wiltshire system is 650 plans higher than forecast for this point in the plan and now that this is being seen in the financial figures, this is driving a £15m overspend above the expected overspend for this financial year.\n\n" +
        "There are some positive signs, demand for EHCNA requests appears to have plateaued - but this needs to be monitored to ensure it is not suppressed demand which is going to reoccur at a later date. However, while demand is plateauing, this gives us a stable state to forecast the new plan from.",
    },
    kpis: [
      {
        id: "ehcp_count",
        label: "Number of EHCPs",
        actual: 6357,
        target: 5707,
        targetLabel: "Forecast to date",
        variance: 650,
        unit: "count",
        status: "adverse",
        polarity: "higher_is_worse",
        tolerance: 50,
        explanation: "650 more plans than forecast; more is adverse.",
        asAt: "2025-01-07",
        sources: [
          { sheet: "KPIs", cell: "H2" },
          { sheet: "KPIs", cell: "C2" },
        ],
      },
      {
        id: "hnb_overspend",
        label: "HNB Overspend 2024/25 (£m)",
        actual: 43200000,
        target: 28210000,
        targetLabel: "Goal for this financial year",
        variance: 14990000,
        unit: "money",
        status: "adverse",
        polarity: "higher_is_worse",
        tolerance: 500000,
        explanation: "£14.99m more overspend than the goal; more is adverse.",
        asAt: "2024-09-30",
        sources: [
          { sheet: "HNB Finance", cell: "E3" },
          { sheet: "KPIs", cell: "C3" },
        ],
      },
      {
        id: "inmss_share",
        label: "Children with EHCPs in INMSS",
        actual: 0.0575,
        target: 0.0692,
        targetLabel: "Forecast",
        variance: -0.0117,
        unit: "share",
        status: "favourable",
        polarity: "higher_is_worse",
        tolerance: 0.001,
        explanation: "1.17 percentage points below forecast; lower is favourable.",
        asAt: "2025-01-07",
        sources: [
          { sheet: "KPIs", cell: "H4" },
          { sheet: "KPIs", cell: "C4" },
        ],
      },
    ],
    freshness: [
      {
        id: "send_data",
        label: "SEND data last refreshed",
        date: "2025-01-07",
        text: "07/01/2025",
        ageDays: 3,
        limitDays: 45,
        stale: false,
        source: { sheet: "Settings", cell: "B5" },
      },
      {
        id: "finance_data",
        label: "Finance data reflects",
        // As the engine writes it: the basis and the date it is as at, 56 days before the reporting date.
        date: "2024-11-15",
        text: "Q2 Forecast, as at 15/11/2024",
        ageDays: 56,
        limitDays: 120,
        stale: false,
        source: { sheet: "Settings", cell: "B7" },
      },
    ],
    workstreamStatus: PROGRAMME_NAMES.map((name, i) => {
      const number = i + 1;
      const rows = [counts(0), counts(3, 1), counts(3), counts(3), counts(2), counts(4)];
      const c = rows[i];
      const total = Object.values(c).reduce((a, b) => a + b, 0);
      return { programme: number, programmeName: name, counts: c, unknown: 0, total };
    }),
    riskThreshold: 15,
    keyRisks: [
      {
        id: "R01",
        title: "If growth is stronger than forecast, we will not meet our trajectory.",
        consequence:
          "The Council will face further financial difficulty and the DfE may withhold payments under the Safety Valve agreement",
        owner: "Director of Education and Skills",
        impact: 5,
        likelihood: 4,
        score: 20,
        band: "Very high",
        action:
          "This risk has become an issue, and so we are reforecasting the plan. This will give us a new trajectory which will then need to be monitored.",
        source: { sheet: "Risk Register", cell: "A2" },
      },
      {
        id: "R03",
        title: "There is a risk that the capital programme fails to generate a reduction in INMSS placements",
        consequence: "These expensive placements will continue to increase, and drive the deficit.",
        owner: "Director of Education and Skills",
        impact: 4,
        likelihood: 4,
        score: 16,
        band: "High",
        action:
          "We are working to deliver the plan and ensure our revised plan has realistic mitigations in it.",
        source: { sheet: "Risk Register", cell: "A4" },
      },
    ],
    programmes: [
      {
        number: 1,
        name: PROGRAMME_NAMES[0],
        note: "Further work to be done as part of developing the SEND Strategy Implementation Plan to understand what the workstreams and data are for this area.",
        workstreams: inProgramme(1),
        milestones: milestones(0, 0),
        figures: [],
        tables: [],
        chartIds: [],
      },
      {
        number: 2,
        name: PROGRAMME_NAMES[1],
        note: "",
        workstreams: inProgramme(2),
        milestones: milestones(2, 6, 1),
        figures: [],
        tables: [ehcpTable()],
        chartIds: ["ehcp_trajectory"],
      },
      {
        number: 3,
        name: PROGRAMME_NAMES[2],
        note: "",
        workstreams: inProgramme(3),
        milestones: milestones(7, 3),
        figures: [
          { id: "places_filled", label: "Special School Places Filled", value: 241, unit: "count" },
          { id: "places_shortfall", label: "Special School Places Shortfall", value: 58, unit: "count" },
          {
            id: "shortfall_cost",
            label: "Estimated Cost of Shortfall",
            value: 2239960,
            unit: "money",
            note: "58 places at £38,620 a place.",
          },
        ],
        tables: [inmssTable()],
        chartIds: ["inmss_share", "special_school_places"],
      },
      {
        number: 4,
        name: PROGRAMME_NAMES[3],
        note: "",
        workstreams: inProgramme(4),
        milestones: milestones(0, 10),
        figures: [
          {
            id: "plans_ceased_12m",
            label: "Plans ceased in the last 12 months",
            value: 570,
            unit: "count",
            note: "Excluding transfers to another council.",
          },
        ],
        tables: [],
        chartIds: ["ceased_plans"],
      },
      {
        number: 5,
        name: PROGRAMME_NAMES[4],
        note: "",
        workstreams: inProgramme(5),
        milestones: milestones(0, 10),
        figures: [{ id: "hnb_overspend", label: "HNB overspend 2024/25", value: 43200000, unit: "money" }],
        tables: [hnbTable()],
        chartIds: ["hnb_net_position", "average_cost_per_ehcp"],
      },
      {
        number: 6,
        name: PROGRAMME_NAMES[5],
        note: "",
        workstreams: inProgramme(6),
        milestones: milestones(12, 5),
        figures: [
          {
            id: "twenty_week_rate",
            label: "EHC plans issued on time (last 12 months)",
            value: 0.482,
            unit: "share",
            note: "Including exceptions; England 2024: 46.4%.",
          },
        ],
        tables: [],
        chartIds: ["twenty_week_rates"],
      },
    ],
    ehcpMonthly: ehcpTable().rows.map((r) => ({
      month: r.month as string,
      fundedEhcps: r.fundedEhcps as number,
      changeVsLastYear: r.changeVsLastYear as number,
      shareOf0to25: r.shareOf0to25 as number,
      gapToStatNeighbours: r.gapToStatNeighbours as number,
    })),
    inmssMonthly: inmssTable().rows.map((r) => ({
      month: r.month as string,
      share: r.share as number,
      gapToStatNeighbours: r.gapToStatNeighbours as number,
      placed: r.placed as number,
      changeVsLastYear: r.changeVsLastYear as number,
    })),
    specialSchoolPlaces: {
      shortfall: 58,
      shortfallCost: 2239960,
      delivered: 262,
      filled: 241,
      required: 320,
      costPerPlace: 38620,
    },
    charts: charts(),
    variances: [
      {
        id: "ehcp_count",
        label: "Number of EHCPs",
        actual: 6357,
        target: 5707,
        variance: 650,
        unit: "count",
        status: "adverse",
        explanation: "650 more plans than forecast; more is adverse.",
        sources: [{ sheet: "KPIs", cell: "H2" }],
      },
      {
        id: "hnb_overspend",
        label: "HNB Overspend 2024/25",
        actual: 43200000,
        target: 28210000,
        variance: 14990000,
        unit: "money",
        status: "adverse",
        explanation: "£14.99m more overspend than the goal; more is adverse.",
        sources: [{ sheet: "HNB Finance", cell: "E3" }],
      },
      {
        id: "inmss_share",
        label: "Children with EHCPs in INMSS",
        actual: 0.0575,
        target: 0.0692,
        variance: -0.0117,
        unit: "share",
        status: "favourable",
        explanation: "1.17 percentage points below forecast; lower is favourable.",
        sources: [{ sheet: "KPIs", cell: "H4" }],
      },
    ],
    settings: {
      riskThreshold: 15,
      riskBands: DEFAULT_RISK_BANDS.map((b) => ({ ...b })),
      stalenessLimitDays: 45,
      kpiTolerances: { ehcp_count: 50, hnb_overspend: 500000, inmss_share: 0.001 },
      twentyWeekVariant: "including_exceptions",
      ceasedIncludeTransfers: false,
    },
    definitions: [
      {
        term: "EHCP",
        definition:
          "Education, Health and Care plan maintained by the council for a child or young person aged 0-25.",
      },
      {
        term: "Forecast to date",
        definition: "The number of EHCPs the Safety Valve trajectory expects at the reporting month.",
      },
      {
        term: "HNB overspend",
        definition: "High Needs Block forecast outturn minus budget for the financial year, in £m.",
      },
      {
        term: "INMSS share",
        definition:
          "Plans placed in independent and non-maintained special schools divided by all plans maintained.",
      },
      {
        term: "pp",
        definition: "Percentage points: the difference between two percentages (5.75% - 6.92% = -1.17 pp).",
      },
      {
        term: "20-week rate",
        definition: "EHC plans issued within 20 weeks of the request, including exceptions.",
      },
      {
        term: "Key risk",
        definition: "An open risk whose score (impact × likelihood, each 1-5) is 15 or more.",
      },
    ],
    notComputed: [],
    issues: issueList,
    issueCounts: {
      error: issueList.filter((i) => i.severity === "error").length,
      warning: issueList.filter((i) => i.severity === "warning").length,
      info: issueList.filter((i) => i.severity === "info").length,
    },
  };
}
