// One cell between ExcelJS and the simulator's state, both ways: its value (a file's dates as serials), its style
// (font, fill, alignment, borders; colours as ARGB in the file, #RRGGBB in Excel's API) and the conditional formats
// and paper sizes, whose names differ between the file and the API.
import ExcelJS from "exceljs";
import { dateToSerial } from "../core/serial";
import {
  defaultStyle,
  type BorderState,
  type CellState,
  type CellStyleState,
  type ConditionalFormatState,
} from "./state";

export function argbToHex(color: Partial<ExcelJS.Color> | undefined): string | null {
  const argb = color?.argb;
  if (typeof argb !== "string" || argb.length < 6) return null;
  return `#${argb.slice(-6).toUpperCase()}`;
}

export function hexToArgb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

const BORDER_IN: Record<string, { style: string; weight: string }> = {
  thin: { style: "Continuous", weight: "Thin" },
  medium: { style: "Continuous", weight: "Medium" },
  thick: { style: "Continuous", weight: "Thick" },
  hair: { style: "Continuous", weight: "Hairline" },
  dashed: { style: "Dash", weight: "Thin" },
  mediumDashed: { style: "Dash", weight: "Medium" },
  dotted: { style: "Dot", weight: "Thin" },
  double: { style: "Double", weight: "Thick" },
  dashDot: { style: "DashDot", weight: "Thin" },
  mediumDashDot: { style: "DashDot", weight: "Medium" },
  dashDotDot: { style: "DashDotDot", weight: "Thin" },
  mediumDashDotDot: { style: "DashDotDot", weight: "Medium" },
  slantDashDot: { style: "SlantDashDot", weight: "Medium" },
};

function borderOut(b: BorderState): ExcelJS.BorderStyle {
  if (b.style === "Continuous")
    return b.weight === "Medium"
      ? "medium"
      : b.weight === "Thick"
        ? "thick"
        : b.weight === "Hairline"
          ? "hair"
          : "thin";
  if (b.style === "Dash") return b.weight === "Medium" ? "mediumDashed" : "dashed";
  if (b.style === "Dot") return "dotted";
  if (b.style === "Double") return "double";
  if (b.style === "DashDot") return b.weight === "Medium" ? "mediumDashDot" : "dashDot";
  if (b.style === "DashDotDot") return b.weight === "Medium" ? "mediumDashDotDot" : "dashDotDot";
  return "slantDashDot";
}

const H_IN: Record<string, string> = {
  left: "Left",
  center: "Center",
  right: "Right",
  fill: "Fill",
  justify: "Justify",
  centerContinuous: "CenterAcrossSelection",
  distributed: "Distributed",
};
const V_IN: Record<string, string> = {
  top: "Top",
  middle: "Center",
  bottom: "Bottom",
  justify: "Justify",
  distributed: "Distributed",
};

function invert(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k]));
}
const H_OUT = invert(H_IN);
const V_OUT = invert(V_IN);

export const CF_OPS_IN: Record<string, string> = {
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThanOrEqual: "GreaterThanOrEqual",
  lessThanOrEqual: "LessThanOrEqual",
};
const CF_OPS_OUT = invert(CF_OPS_IN);
export const TEXT_OPS_IN: Record<string, string> = {
  containsText: "Contains",
  notContains: "NotContains",
  beginsWith: "BeginsWith",
  endsWith: "EndsWith",
};
const TEXT_OPS_OUT = invert(TEXT_OPS_IN);

export const PAPER_IN: Record<number, string> = {
  1: "Letter",
  5: "Legal",
  8: "A3",
  9: "A4",
  11: "A5",
  3: "Tabloid",
  7: "Executive",
};
export const PAPER_OUT: Record<string, number> = Object.fromEntries(
  Object.entries(PAPER_IN).map(([k, v]) => [v, Number(k)]),
);

export function styleIn(cell: ExcelJS.Cell): CellStyleState {
  const style = defaultStyle();
  const f = cell.font;
  if (f) {
    if (f.name) style.font.name = f.name;
    if (f.size) style.font.size = f.size;
    style.font.bold = Boolean(f.bold);
    style.font.italic = Boolean(f.italic);
    style.font.underline =
      f.underline === true || f.underline === "single"
        ? "Single"
        : f.underline === "double"
          ? "Double"
          : "None";
    style.font.color = argbToHex(f.color) ?? style.font.color;
  }
  const fill = cell.fill;
  if (fill && fill.type === "pattern" && fill.pattern === "solid") style.fill = argbToHex(fill.fgColor);
  const a = cell.alignment;
  if (a) {
    if (a.horizontal) style.horizontalAlignment = H_IN[a.horizontal] ?? "General";
    if (a.vertical) style.verticalAlignment = V_IN[a.vertical] ?? "Bottom";
    style.wrapText = Boolean(a.wrapText);
    style.indentLevel = a.indent ?? 0;
  }
  const b = cell.border;
  if (b) {
    const sides: [keyof ExcelJS.Borders, keyof CellStyleState["borders"]][] = [
      ["top", "EdgeTop"],
      ["bottom", "EdgeBottom"],
      ["left", "EdgeLeft"],
      ["right", "EdgeRight"],
    ];
    for (const [from, to] of sides) {
      const side = b[from] as Partial<ExcelJS.Border> | undefined;
      if (side?.style && BORDER_IN[side.style]) {
        style.borders[to] = { ...BORDER_IN[side.style], color: argbToHex(side.color) ?? "#000000" };
      }
    }
  }
  return style;
}

export function valueIn(value: ExcelJS.CellValue): { value: CellState["value"]; formula?: string } | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return { value };
  if (value instanceof Date) return { value: dateToSerial(value) };
  if (typeof value === "object") {
    if ("richText" in value) return { value: value.richText.map((r) => r.text).join("") };
    if ("error" in value) return { value: String(value.error) };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      const inner = result === undefined ? null : valueIn(result);
      return { value: inner?.value ?? "" };
    }
    if ("text" in value) return { value: String((value as { text: unknown }).text) };
  }
  return null;
}

export function styleOut(cell: ExcelJS.Cell, state: CellState): void {
  const s = state.style;
  const base = defaultStyle();
  if (JSON.stringify(s.font) !== JSON.stringify(base.font)) {
    cell.font = {
      name: s.font.name,
      size: s.font.size,
      bold: s.font.bold,
      italic: s.font.italic,
      underline: s.font.underline === "Single" ? "single" : s.font.underline === "Double" ? "double" : false,
      color: { argb: hexToArgb(s.font.color) },
    };
  }
  if (s.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: hexToArgb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.horizontalAlignment !== "General")
    alignment.horizontal = H_OUT[s.horizontalAlignment] as ExcelJS.Alignment["horizontal"];
  if (s.verticalAlignment !== "Bottom")
    alignment.vertical = V_OUT[s.verticalAlignment] as ExcelJS.Alignment["vertical"];
  if (s.wrapText) alignment.wrapText = true;
  if (s.indentLevel) alignment.indent = s.indentLevel;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  const border: Partial<ExcelJS.Borders> = {};
  const sides: [keyof CellStyleState["borders"], "top" | "bottom" | "left" | "right"][] = [
    ["EdgeTop", "top"],
    ["EdgeBottom", "bottom"],
    ["EdgeLeft", "left"],
    ["EdgeRight", "right"],
  ];
  for (const [from, to] of sides) {
    const b = s.borders[from];
    if (b) border[to] = { style: borderOut(b), color: { argb: hexToArgb(b.color) } };
  }
  if (Object.keys(border).length > 0) cell.border = border;
}

export function cfOut(cf: ConditionalFormatState): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {};
  if (cf.format.fillColor)
    style.fill = { type: "pattern", pattern: "solid", bgColor: { argb: hexToArgb(cf.format.fillColor) } };
  if (cf.format.fontColor || cf.format.bold !== null) {
    style.font = {
      ...(cf.format.fontColor ? { color: { argb: hexToArgb(cf.format.fontColor) } } : {}),
      ...(cf.format.bold !== null ? { bold: cf.format.bold } : {}),
    };
  }
  if (cf.type === "CellValue") {
    const formulae = [cf.rule.formula1 ?? "", ...(cf.rule.formula2 !== undefined ? [cf.rule.formula2] : [])];
    return {
      type: "cellIs",
      operator: CF_OPS_OUT[cf.rule.operator] as ExcelJS.CellIsRuleType["operator"],
      formulae,
      style,
      priority: cf.priority + 1,
    };
  }
  return {
    type: "containsText",
    operator: TEXT_OPS_OUT[cf.rule.operator] as ExcelJS.ContainsTextRuleType["operator"],
    text: cf.rule.text ?? "",
    style,
    priority: cf.priority + 1,
  };
}
