// The `Excel` namespace's enums (and optionally Excel.run) for Node and the browser preview, where office.js is
// not loaded: gateway code that writes `Excel.ChartType.line` then runs unchanged against the simulator.

function enumOf(values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((v) => [v.charAt(0).toLowerCase() + v.slice(1), v]));
}

/** The enum members the simulator understands, with the string values Office.js uses. */
export const EXCEL_ENUMS = {
  CalculationMode: enumOf(["Automatic", "AutomaticExceptTables", "Manual"]),
  ChartType: enumOf([
    "ColumnClustered",
    "ColumnStacked",
    "ColumnStacked100",
    "BarClustered",
    "BarStacked",
    "BarStacked100",
    "Line",
    "LineMarkers",
    "LineStacked",
    "Pie",
    "Doughnut",
    "Area",
    "AreaStacked",
    "XYScatter",
  ]),
  ChartSeriesBy: enumOf(["Auto", "Columns", "Rows"]),
  ChartLegendPosition: enumOf(["Invalid", "Top", "Bottom", "Left", "Right", "Corner", "Custom"]),
  ChartAxisTickLabelPosition: enumOf(["NextToAxis", "High", "Low", "None"]),
  ChartAxisPosition: enumOf(["Automatic", "Maximum", "Minimum", "Custom"]),
  WorksheetPositionType: enumOf(["None", "Before", "After", "Beginning", "End"]),
  RangeCopyType: enumOf(["All", "Formulas", "Values", "Formats"]),
  ConditionalFormatType: enumOf([
    "Custom",
    "DataBar",
    "ColorScale",
    "IconSet",
    "TopBottom",
    "PresetCriteria",
    "ContainsText",
    "CellValue",
  ]),
  ConditionalCellValueOperator: enumOf([
    "Invalid",
    "Between",
    "NotBetween",
    "EqualTo",
    "NotEqualTo",
    "GreaterThan",
    "LessThan",
    "GreaterThanOrEqual",
    "LessThanOrEqual",
  ]),
  ConditionalTextOperator: enumOf(["Invalid", "Contains", "NotContains", "BeginsWith", "EndsWith"]),
  BorderIndex: enumOf([
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideVertical",
    "InsideHorizontal",
    "DiagonalDown",
    "DiagonalUp",
  ]),
  BorderLineStyle: enumOf([
    "None",
    "Continuous",
    "Dash",
    "DashDot",
    "DashDotDot",
    "Dot",
    "Double",
    "SlantDashDot",
  ]),
  BorderWeight: enumOf(["Hairline", "Thin", "Medium", "Thick"]),
  HorizontalAlignment: enumOf([
    "General",
    "Left",
    "Center",
    "Right",
    "Fill",
    "Justify",
    "CenterAcrossSelection",
    "Distributed",
  ]),
  VerticalAlignment: enumOf(["Top", "Center", "Bottom", "Justify", "Distributed"]),
  SheetVisibility: enumOf(["Visible", "Hidden", "VeryHidden"]),
  PageOrientation: enumOf(["Portrait", "Landscape"]),
  PaperType: enumOf(["Letter", "Legal", "A3", "A4", "A5", "B4", "B5", "Executive", "Tabloid"]),
  ClearApplyTo: enumOf(["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks", "ResetContents"]),
  RangeUnderlineStyle: enumOf(["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"]),
  RangeValueType: enumOf([
    "Unknown",
    "Empty",
    "String",
    "Integer",
    "Double",
    "Boolean",
    "Error",
    "RichValue",
  ]),
  ErrorCodes: enumOf([
    "AccessDenied",
    "ApiNotFound",
    "GeneralException",
    "InvalidArgument",
    "InvalidOperation",
    "InvalidReference",
    "InvalidSelection",
    "ItemAlreadyExists",
    "ItemNotFound",
    "NotImplemented",
    "RangeExceedsLimit",
    "RequestAborted",
    "ResponsePayloadSizeLimitExceeded",
    "UnsupportedOperation",
  ]),
} as const;

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * Defines globalThis.Excel with the enums above (and `run`, when given) unless office.js already did.
 * Returns a function that puts back what was there before.
 */
export function installExcelGlobals(run?: Runner): () => void {
  const holder = globalThis as unknown as { Excel?: Record<string, unknown> };
  const previous = holder.Excel;
  if (previous && !run) return () => {};
  holder.Excel = { ...(previous ?? {}), ...EXCEL_ENUMS, ...(run ? { run } : {}) };
  return () => {
    if (previous === undefined) delete holder.Excel;
    else holder.Excel = previous;
  };
}
