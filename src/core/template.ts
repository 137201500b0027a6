// The tracker template: every sheet and column the engine reads, with accepted aliases.
// One source of truth: the reader, the sample-tracker generator and docs/tracker-template.md all come from here.
// Long because it is a data table: one entry per sheet and per column (header, aliases, type, meaning, example).
import type { SectionId } from "./tracker";

export type ColumnType =
  | "text"
  | "integer" // whole number >= 0 unless noted
  | "number"
  | "money" // pounds: 43200000, "£43.2m", "£43,200,000", "(1.2)"
  | "share" // 0.0382, "3.82%" or 3.82
  | "month" // serial, ISO, "Dec-24", "December 2024", dd/mm/yyyy (month taken)
  | "date" // serial, ISO, dd/mm/yyyy (UK), "7 Jan 2025"
  | "period" // "Q2 2024/25" or a month
  | "rag" // "Amber / Green - Off Track", "A/G", "AG", ...
  | "score" // whole number 1-5
  | "programme" // 2, "2", "P2", "Programme 2", "2 - Improving support..."
  | "kpi_id"
  | "polarity" // "higher is better" / "higher is worse"
  | "unit" // count | money | share
  | "milestone_status" // complete | on track | at risk | overdue
  | "risk_status" // open | closed
  | "boolean"; // yes / no

export interface ColumnSpec {
  /** Field name in the typed row (src/core/tracker.ts). */
  field: string;
  /** Header written in the template. */
  header: string;
  /** Other headers accepted (matching ignores case, spacing and punctuation). */
  aliases: string[];
  type: ColumnType;
  required: boolean;
  /** Unit and meaning, for the docs. */
  description: string;
  /** Example as a council would type it. */
  example: string;
}

export interface SheetSpec {
  section: SectionId;
  /** Sheet name in the template. */
  name: string;
  aliases: string[];
  required: boolean;
  description: string;
  /** "table": a header row then one record a row. "fields": Field/Value pairs. */
  shape: "table" | "fields";
  columns: ColumnSpec[];
}

const col = (
  field: string,
  header: string,
  type: ColumnType,
  required: boolean,
  description: string,
  example: string,
  aliases: string[] = [],
): ColumnSpec => ({ field, header, aliases, type, required, description, example });

/** Fields of the Settings sheet (Field/Value pairs). `header` is the field label. */
export const SETTINGS_FIELDS: ColumnSpec[] = [
  col(
    "programmeName",
    "Programme name",
    "text",
    true,
    "Name of the transformation programme.",
    "SEND Transformation",
    ["Programme"],
  ),
  col("council", "Council", "text", true, "Council (local authority) name.", "Wiltshire Council", [
    "Local authority",
    "LA",
  ]),
  col(
    "reportingDate",
    "Reporting date",
    "date",
    true,
    "Date the summary reports at; staleness is measured to it.",
    "10/01/2025",
    ["Report date", "As at"],
  ),
  col(
    "sendDataRefreshed",
    "SEND data last refreshed",
    "date",
    true,
    "Date the SEND monthly data were last refreshed.",
    "07/01/2025",
    ["SEND data refreshed", "Data last refreshed"],
  ),
  col(
    "financeDataAsAt",
    "Finance data as at",
    "date",
    false,
    "Date of the finance forecast the HNB figures come from.",
    "15/11/2024",
    ["Finance data date"],
  ),
  col(
    "financeBasis",
    "Finance data basis",
    "text",
    true,
    "Which forecast the finance figures reflect.",
    "Q2 Forecast",
    ["Finance data reflects", "Finance basis"],
  ),
  col(
    "financialYear",
    "Financial year",
    "text",
    true,
    "Financial year of the finance figures (April-March).",
    "2024/25",
    ["FY", "Year"],
  ),
  col(
    "overallRag",
    "Overall RAG",
    "rag",
    false,
    "Overall RAG set by the programme lead (shown beside the computed one).",
    "Amber/Red - At Risk",
    ["Programme RAG", "Lead RAG"],
  ),
  col(
    "ragNarrative",
    "RAG narrative",
    "text",
    false,
    "The programme lead's narrative for the overall RAG.",
    "Overall, SEND Transformation is Amber/Red ...",
    ["Narrative", "Overall narrative", "Commentary"],
  ),
  col(
    "riskThreshold",
    "Risk threshold",
    "integer",
    false,
    "Key risks are open risks scoring at least this (impact x likelihood). Default 15.",
    "15",
    ["Key risk threshold"],
  ),
  col(
    "riskBands",
    "Risk score bands",
    "text",
    false,
    "Score bands, highest first, as 'Name min; Name min'. Default 'Very high 20; High 15; Medium 8; Low 1'.",
    "Very high 20; High 15; Medium 8; Low 1",
    ["Score bands"],
  ),
  col(
    "sendStalenessDays",
    "SEND staleness limit (days)",
    "integer",
    false,
    "SEND data older than this at the reporting date are flagged stale. Default 45.",
    "45",
    ["Staleness limit (days)", "Staleness limit"],
  ),
  col(
    "financeStalenessDays",
    "Finance staleness limit (days)",
    "integer",
    false,
    "Finance data older than this at the reporting date are flagged stale. Default 120.",
    "120",
    [],
  ),
  col(
    "twentyWeekVariant",
    "20-week rate variant",
    "text",
    false,
    "Whether 20-week rates include or exclude exceptions. Default excluding exceptions.",
    "Excluding exceptions",
    ["20 week variant"],
  ),
  col(
    "populationAgeBand",
    "Population age band",
    "text",
    false,
    "Age band of the population denominator. Default 0-25.",
    "0-25",
    [],
  ),
  col(
    "ceasedIncludeTransfers",
    "Ceased plans include transfers",
    "boolean",
    false,
    "Whether ceased plans count transfers to other councils. Default No.",
    "No",
    [],
  ),
];

export const TEMPLATE: SheetSpec[] = [
  {
    section: "settings",
    name: "Settings",
    aliases: ["Programme settings", "Programme", "Config", "Configuration", "Setup"],
    required: true,
    shape: "fields",
    description:
      "Programme details, dates, the lead's RAG and narrative, and thresholds, as Field/Value pairs.",
    columns: [
      col("field", "Field", "text", true, "Setting name (see the list of fields).", "Reporting date", [
        "Setting",
        "Item",
        "Name",
      ]),
      col("value", "Value", "text", true, "Setting value.", "10/01/2025", ["Setting value"]),
    ],
  },
  {
    section: "kpis",
    name: "KPIs",
    aliases: ["Headline KPIs", "KPI targets", "Targets", "Headline measures"],
    required: true,
    shape: "table",
    description:
      "The three headline KPIs: targets, polarity, tolerance; actuals derived from the data unless typed.",
    columns: [
      col(
        "id",
        "KPI",
        "kpi_id",
        true,
        "ehcp_count, hnb_overspend or inmss_share (or the tile title).",
        "ehcp_count",
        ["KPI id", "Measure", "Indicator"],
      ),
      col("label", "Label", "text", false, "Tile title.", "Number of EHCPs", ["Title", "Name"]),
      col(
        "target",
        "Target",
        "number",
        true,
        "Target value in the KPI's unit (count, pounds, share).",
        "5707",
        ["Forecast", "Goal", "Target value"],
      ),
      col(
        "targetLabel",
        "Target label",
        "text",
        false,
        "How the target is described on the tile.",
        "Forecast to date",
        ["Target description"],
      ),
      col(
        "polarity",
        "Polarity",
        "polarity",
        false,
        "Which direction is good: 'Higher is better' or 'Higher is worse'.",
        "Higher is worse",
        ["Direction", "Good direction"],
      ),
      col("unit", "Unit", "unit", false, "count, money (pounds) or share.", "count", []),
      col(
        "tolerance",
        "Tolerance",
        "number",
        false,
        "Variance within +/- this counts as on target (shares in percentage points).",
        "0",
        ["Tolerance band"],
      ),
      col(
        "actual",
        "Actual",
        "number",
        false,
        "Typed actual; leave blank to derive it from the data.",
        "6357",
        ["Actual value", "Current"],
      ),
      col("actualAsAt", "Actual as at", "date", false, "Date a typed actual is as at.", "07/01/2025", [
        "As at",
      ]),
    ],
  },
  {
    section: "monthly",
    name: "SEND Monthly",
    aliases: ["SEND data", "Monthly data", "SEND monthly data", "Monthly", "EHCP data"],
    required: true,
    shape: "table",
    description:
      "One row per month of SEND data (at least 13 months for year-on-year and 12-month rolling figures).",
    columns: [
      col("month", "Month", "month", true, "Calendar month the figures are as at (month end).", "Dec-24", [
        "Date",
        "Period",
        "Month ending",
      ]),
      col(
        "fundedEhcps",
        "Funded EHCPs",
        "integer",
        true,
        "Number of funded EHC plans maintained at month end.",
        "6353",
        ["# funded EHCPs", "EHCPs", "Number of EHCPs"],
      ),
      col(
        "forecastEhcps",
        "Forecast EHCPs",
        "integer",
        false,
        "Plan trajectory: forecast funded EHCPs for the month.",
        "5707",
        ["Trajectory", "Forecast", "Forecast trajectory"],
      ),
      col(
        "population0to25",
        "Population 0-25",
        "integer",
        true,
        "ONS mid-year estimate of the 0-25 population (denominator).",
        "166500",
        ["0-25 population", "Population"],
      ),
      col(
        "statNeighbourEhcpShare",
        "Stat neighbours % 0-25 with EHCP",
        "share",
        false,
        "Statistical neighbours' average % of 0-25 with an EHCP.",
        "3.19%",
        ["Stat neighbour EHCP %", "SN % with EHCP"],
      ),
      col(
        "placedInInmss",
        "Placed in INMSS",
        "integer",
        false,
        "Children with an EHCP placed in independent / non-maintained special schools.",
        "358",
        ["# placed in INMSS", "INMSS placements"],
      ),
      col(
        "statNeighbourInmssShare",
        "Stat neighbours % in INMSS",
        "share",
        false,
        "Statistical neighbours' average % of EHCPs placed in INMSS.",
        "5.72%",
        ["Stat neighbour INMSS %", "SN % INMSS"],
      ),
      col("plansCeased", "Plans ceased", "integer", false, "EHC plans ceased in the month.", "31", [
        "Ceased plans",
        "EHCPs ceased",
      ]),
      col(
        "ehcnaRequests",
        "EHCNA requests",
        "integer",
        false,
        "EHC needs assessment requests received in the month.",
        "120",
        ["Requests for assessment", "EHCNA"],
      ),
      col(
        "decisionsWithin20Weeks",
        "Decisions within 20 weeks",
        "integer",
        false,
        "Assessment decisions made within 20 weeks.",
        "64",
        ["Decisions on time"],
      ),
      col(
        "decisionsTotal",
        "Decisions total",
        "integer",
        false,
        "All assessment decisions made in the month.",
        "100",
        ["Decisions made", "Total decisions"],
      ),
      col(
        "plansIssuedWithin20Weeks",
        "Plans issued within 20 weeks",
        "integer",
        false,
        "New EHC plans issued within 20 weeks of the request.",
        "45",
        ["Plans issued on time"],
      ),
      col(
        "plansIssuedTotal",
        "Plans issued total",
        "integer",
        false,
        "All new EHC plans issued in the month.",
        "90",
        ["Plans issued", "Total plans issued"],
      ),
      col(
        "typedEhcpShare",
        "% 0-25 with EHCP",
        "share",
        false,
        "The council's own figure, if typed; recomputed and cross-checked.",
        "3.82%",
        ["% with EHCP"],
      ),
      col(
        "typedInmssShare",
        "% placed in INMSS",
        "share",
        false,
        "The council's own figure, if typed; recomputed and cross-checked.",
        "5.64%",
        ["% INMSS", "INMSS %"],
      ),
    ],
  },
  {
    section: "finance",
    name: "HNB Finance",
    aliases: ["Finance", "High Needs Block", "HNB", "High needs finance", "DSG HNB"],
    required: true,
    shape: "table",
    description: "High Needs Block finance by quarter or month, in pounds.",
    columns: [
      col("period", "Period", "period", true, "Quarter ('Q2 2024/25') or month ('Sep-24').", "Q2 2024/25", [
        "Quarter",
        "Month",
        "Date",
      ]),
      col("budget", "Budget", "money", true, "HNB budget for the financial year.", "£112.40m", [
        "HNB budget",
        "Annual budget",
      ]),
      col(
        "forecastOutturn",
        "Forecast outturn",
        "money",
        true,
        "Forecast outturn for the financial year at this period.",
        "£155.60m",
        ["Outturn", "Forecast"],
      ),
      col(
        "inYearNetPosition",
        "In-year net position",
        "money",
        false,
        "Income minus expenditure for the year (negative = deficit); blank = budget minus forecast outturn.",
        "(43.20m)",
        ["Net position", "In year net position"],
      ),
      col(
        "goalOverspend",
        "Goal overspend",
        "money",
        false,
        "Overspend the Safety Valve plan allows for the year.",
        "£28.21m",
        ["Plan overspend", "Target overspend", "Goal"],
      ),
      col(
        "spendForAverageCost",
        "High needs spend for average cost",
        "money",
        false,
        "Annual spend on plans, divided by funded EHCPs for the average cost per EHCP.",
        "£140.10m",
        ["Spend on plans", "EHCP spend"],
      ),
    ],
  },
  {
    section: "places",
    name: "Special School Places",
    aliases: ["Special school places", "Places", "Capital programme", "Sufficiency"],
    required: false,
    shape: "table",
    description: "Special school places delivered by the capital programme against need.",
    columns: [
      col("month", "Month", "month", true, "Month the running totals are as at.", "Dec-24", [
        "Date",
        "Period",
      ]),
      col(
        "delivered",
        "New places delivered (running total)",
        "integer",
        true,
        "New special school places delivered so far.",
        "342",
        ["Places delivered", "New places"],
      ),
      col("filled", "Places filled", "integer", false, "Of those, places filled.", "318", ["Filled"]),
      col(
        "required",
        "Places required",
        "integer",
        true,
        "Places the sufficiency plan requires by now.",
        "400",
        ["Required", "Places needed"],
      ),
      col(
        "costPerPlace",
        "Cost per shortfall place",
        "money",
        false,
        "Annual cost of placing a child elsewhere for each place short.",
        "£38,620",
        ["Cost per place"],
      ),
    ],
  },
  {
    section: "programmes",
    name: "Programmes",
    aliases: ["Programme list", "Workstream programmes"],
    required: false,
    shape: "table",
    description: "The programmes 1-6 with their names and a note shown where a programme has no data yet.",
    columns: [
      col("number", "Programme", "programme", true, "Programme number 1-6.", "1", ["Number", "No", "#"]),
      col("name", "Name", "text", true, "Programme name.", "Voice of the child and their family", [
        "Programme name",
        "Title",
      ]),
      col(
        "note",
        "Note",
        "text",
        false,
        "Note shown on the page for this programme.",
        "Further work to be done ...",
        ["Notes", "Commentary"],
      ),
    ],
  },
  {
    section: "workstreams",
    name: "Workstreams",
    aliases: ["Workstream status", "Workstream RAG", "Projects"],
    required: true,
    shape: "table",
    description: "One row per workstream with its RAG as the council writes it.",
    columns: [
      col(
        "programme",
        "Programme",
        "programme",
        true,
        "Programme number 1-6 (or '2 - Improving support...').",
        "2",
        ["Programme number", "Prog"],
      ),
      col(
        "name",
        "Workstream",
        "text",
        true,
        "Workstream name.",
        "New Team of Inclusion Advisors working in schools",
        ["Workstream name", "Project"],
      ),
      col("rag", "RAG", "rag", true, "RAG as the council writes it.", "Amber / Green - Off Track", [
        "Status",
        "RAG status",
      ]),
      col("lead", "Lead", "text", false, "Lead (role title).", "Head of SEND", ["Workstream lead", "Owner"]),
      col("commentary", "Commentary", "text", false, "Latest commentary.", "Recruitment complete.", [
        "Comments",
        "Update",
        "Notes",
      ]),
    ],
  },
  {
    section: "milestones",
    name: "Milestones",
    aliases: ["Milestone tracker", "Milestone plan", "Key milestones"],
    required: false,
    shape: "table",
    description: "Milestones with due dates and status.",
    columns: [
      col("programme", "Programme", "programme", true, "Programme number 1-6.", "3", [
        "Programme number",
        "Prog",
      ]),
      col(
        "workstream",
        "Workstream",
        "text",
        false,
        "Workstream the milestone belongs to.",
        "Additional Secondary Resource Bases",
        [],
      ),
      col("milestone", "Milestone", "text", true, "What is to be delivered.", "Open second resource base", [
        "Milestone name",
        "Deliverable",
      ]),
      col("dueDate", "Due date", "date", true, "Date the milestone is due.", "31/03/2025", [
        "Due",
        "Target date",
        "Deadline",
      ]),
      col(
        "status",
        "Status",
        "milestone_status",
        true,
        "Complete, On track, At risk or Overdue.",
        "On track",
        ["Milestone status", "RAG"],
      ),
      col("completedDate", "Completed date", "date", false, "Date completed.", "15/11/2024", [
        "Completed",
        "Date completed",
      ]),
    ],
  },
  {
    section: "risks",
    name: "Risk Register",
    aliases: ["Risks", "Risk log", "Risk and issues", "RAID", "Risk register"],
    required: true,
    shape: "table",
    description: "The programme risk register; key risks are open risks scoring at least the threshold.",
    columns: [
      col("id", "ID", "text", true, "Risk reference.", "R01", ["Risk ID", "Ref", "Risk ref"]),
      col(
        "title",
        "Risk",
        "text",
        true,
        "The risk, as 'If ... then ...' or 'There is a risk that ...'.",
        "If growth is stronger than forecast, ...",
        ["Risk description", "Description", "Risk title"],
      ),
      col(
        "consequence",
        "Impact",
        "text",
        false,
        "Consequence if the risk happens.",
        "The Council will face further financial difficulty ...",
        ["Consequence", "Impact description", "Effect"],
      ),
      col("owner", "Risk owner", "text", true, "Owner (role title).", "Director of Education and Skills", [
        "Owner",
        "Risk lead",
      ]),
      col("impact", "Impact (1-5)", "score", true, "Impact score, whole number 1-5.", "5", [
        "Impact score",
        "Severity",
      ]),
      col("likelihood", "Likelihood (1-5)", "score", true, "Likelihood score, whole number 1-5.", "4", [
        "Likelihood score",
        "Probability",
      ]),
      col(
        "typedScore",
        "Risk score",
        "integer",
        false,
        "Score as typed by the council; checked against impact x likelihood.",
        "20",
        ["Score"],
      ),
      col("action", "Action required", "text", false, "Mitigating action.", "Reforecasting the plan ...", [
        "Action",
        "Mitigation",
        "Actions",
      ]),
      col("status", "Status", "risk_status", false, "Open or Closed (blank = open).", "Open", [
        "Risk status",
      ]),
      col("reviewDate", "Review date", "date", false, "Next review date.", "31/01/2025", ["Next review"]),
    ],
  },
];

export function sheetSpec(section: SectionId): SheetSpec {
  const spec = TEMPLATE.find((s) => s.section === section);
  if (!spec) throw new Error(`No template sheet for section ${section}`);
  return spec;
}
