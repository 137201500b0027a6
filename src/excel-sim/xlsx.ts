// .xlsx in and out of the simulator through ExcelJS (browser-safe: ArrayBuffer in, Uint8Array out, no fs/Buffer).
// What ExcelJS cannot write (charts, sheet custom properties, document settings) travels in a side channel.
import ExcelJS from "exceljs";
import { parseRect, rectAddress, tryParseRect } from "./address";
import { cellKey, pruneCell } from "./helpers";
import {
  charsToPoints,
  emptyCell,
  newSeries,
  newSheet,
  nextId,
  pointsToChars,
  DEFAULT_COLUMN_WIDTH_POINTS,
  type CellState,
  type ChartState,
  type SheetState,
  type WorkbookState,
  withoutId,
} from "./state";

import {
  argbToHex,
  cfOut,
  CF_OPS_IN,
  hexToArgb,
  PAPER_IN,
  PAPER_OUT,
  styleIn,
  styleOut,
  TEXT_OPS_IN,
  valueIn,
} from "./xlsx-cells";

/** Parts of the workbook that ExcelJS cannot carry, keyed by sheet name. */
export interface SideChannel {
  charts: Record<string, Omit<ChartState, "id">[]>;
  customProperties: Record<string, { key: string; value: string }[]>;
  settings: { key: string; json: string }[];
  /** 0-based rows a manual page break sits above (ExcelJS writes breaks but does not read them back). */
  horizontalPageBreaks: Record<string, number[]>;
  /** Workbook-level defined names and their formulas (absent from side channels written before names). */
  names?: { name: string; formula: string; comment: string }[];
}

interface TableModel {
  name: string;
  tableRef?: string;
  ref?: string;
  headerRow?: boolean;
  style?: { theme?: string };
}

/** Reads an .xlsx into a fresh workbook state. */
export async function importWorkbook(
  data: ArrayBuffer | Uint8Array,
  side?: SideChannel,
): Promise<WorkbookState> {
  const book = new ExcelJS.Workbook();
  const buffer =
    data instanceof Uint8Array ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data;
  await book.xlsx.load(buffer as ArrayBuffer);
  const wb: WorkbookState = {
    name: "Book1.xlsx",
    sheets: [],
    tables: [],
    names: (side?.names ?? []).map((n) => ({ ...n, visible: true, scopeSheetId: null })),
    readOnly: false,
    structureProtected: false,
    settings: side?.settings ? structuredClone(side.settings) : [],
    activeSheetId: null,
    selection: null,
    calculationMode: "Automatic",
    nextId: 1,
  };
  book.eachSheet((ws) => {
    const sheet = newSheet(nextId(wb, "sheet"), ws.name);
    sheet.visibility =
      ws.state === "hidden" ? "Hidden" : ws.state === "veryHidden" ? "VeryHidden" : "Visible";
    sheet.tabColor = argbToHex(ws.properties?.tabColor) ?? "";
    const view = ws.views?.[0] as
      (Partial<ExcelJS.WorksheetView> & { xSplit?: number; ySplit?: number; state?: string }) | undefined;
    if (view) {
      sheet.showGridlines = view.showGridLines !== false;
      if (view.state === "frozen" && ((view.xSplit ?? 0) > 0 || (view.ySplit ?? 0) > 0)) {
        sheet.freeze = { rows: view.ySplit ?? 0, columns: view.xSplit ?? 0 };
      }
    }
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      if (row.height) sheet.rowHeights.set(rowNumber - 1, row.height);
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const parsed = valueIn(cell.value);
        const state: CellState = emptyCell();
        if (parsed) {
          state.value = parsed.value;
          const formula = cell.formula;
          if (formula) state.formula = `=${formula}`;
          else if (cell.type === ExcelJS.ValueType.Formula)
            state.formula = `=${String((cell.value as { formula?: string }).formula ?? "")}`;
        }
        state.numberFormat = cell.numFmt || "General";
        state.style = styleIn(cell);
        sheet.cells.set(cellKey(rowNumber - 1, colNumber - 1), state);
        // ExcelJS lists blank cells (e.g. inside merges); keep the sheet sparse as Excel's used range expects.
        pruneCell(sheet, rowNumber - 1, colNumber - 1);
      });
    });
    const columnCount = ws.columnCount;
    for (let c = 1; c <= columnCount; c++) {
      const width = ws.getColumn(c).width;
      if (width !== undefined) sheet.columnWidths.set(c - 1, charsToPoints(width));
    }
    const merges = (ws.model as { merges?: string[] }).merges ?? [];
    for (const m of merges) {
      const rect = tryParseRect(m);
      if (rect) sheet.merges.push(rect);
    }
    const cfs = (ws as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    for (const cf of cfs ?? []) {
      for (const rule of cf.rules) {
        const style = (
          rule as {
            style?: {
              fill?: { bgColor?: ExcelJS.Color; fgColor?: ExcelJS.Color };
              font?: { color?: ExcelJS.Color; bold?: boolean };
            };
          }
        ).style;
        const format = {
          fillColor: argbToHex(style?.fill?.bgColor) ?? argbToHex(style?.fill?.fgColor),
          fontColor: argbToHex(style?.font?.color),
          bold: style?.font?.bold ?? null,
        };
        const base = {
          id: nextId(wb, "cf"),
          range: cf.ref,
          // OOXML priorities start at 1; Office.js reports them from 0.
          priority: rule.priority !== undefined ? rule.priority - 1 : sheet.conditionalFormats.length,
          stopIfTrue: false,
          format,
        };
        if (rule.type === "cellIs") {
          const formulae = (rule as { formulae?: unknown[] }).formulae ?? [];
          sheet.conditionalFormats.push({
            ...base,
            type: "CellValue",
            rule: {
              operator: CF_OPS_IN[(rule as { operator?: string }).operator ?? ""] ?? "EqualTo",
              formula1: String(formulae[0] ?? ""),
              ...(formulae[1] !== undefined ? { formula2: String(formulae[1]) } : {}),
            },
          });
        } else if (rule.type === "containsText") {
          sheet.conditionalFormats.push({
            ...base,
            type: "ContainsText",
            rule: {
              operator: TEXT_OPS_IN[(rule as { operator?: string }).operator ?? ""] ?? "Contains",
              text: (rule as { text?: string }).text ?? "",
            },
          });
        }
      }
    }
    const ps = ws.pageSetup;
    if (ps) {
      const layout = sheet.pageLayout;
      layout.orientation = ps.orientation === "landscape" ? "Landscape" : "Portrait";
      if (ps.paperSize !== undefined) layout.paperSize = PAPER_IN[ps.paperSize] ?? layout.paperSize;
      if (ps.fitToPage)
        layout.zoom = { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight };
      else if (ps.scale) layout.zoom = { scale: ps.scale };
      if (ps.printArea)
        layout.printArea = rectAddress(parseRect(ps.printArea.replace(/\$/g, "").split("!").pop()!));
      if (ps.printTitlesRow) {
        const [a, b] = ps.printTitlesRow.replace(/\$/g, "").split(":");
        layout.printTitleRows = `$${a}:$${b}`;
      }
      layout.centerHorizontally = Boolean(ps.horizontalCentered);
      layout.centerVertically = Boolean(ps.verticalCentered);
      if (ps.margins) {
        layout.leftMargin = ps.margins.left * 72;
        layout.rightMargin = ps.margins.right * 72;
        layout.topMargin = ps.margins.top * 72;
        layout.bottomMargin = ps.margins.bottom * 72;
        layout.headerMargin = ps.margins.header * 72;
        layout.footerMargin = ps.margins.footer * 72;
      }
    }
    const footer = ws.headerFooter?.oddFooter;
    if (footer) sheet.pageLayout.centerFooter = /&C(.*?)(?=&[LR]|$)/.exec(footer)?.[1] ?? "";
    // ExcelJS keeps loaded tables by name on the worksheet.
    const loadedTables = (ws as unknown as { tables?: Record<string, { model?: TableModel }> }).tables ?? {};
    for (const t of Object.values(loadedTables)) {
      const model = t.model;
      const ref = model?.tableRef ?? model?.ref;
      const rect = ref ? tryParseRect(ref) : null;
      if (model && rect)
        wb.tables.push({
          id: nextId(wb, "table"),
          name: model.name,
          sheetId: sheet.id,
          rect,
          showHeaders: model.headerRow !== false,
          ...(model.style?.theme ? { style: model.style.theme } : {}),
        });
    }
    if (side) {
      sheet.charts = (side.charts[ws.name] ?? []).map((c) => {
        const chart = structuredClone(c);
        return {
          ...chart,
          // Side channels written before tick-label positions were modelled carry none: Excel's default.
          categoryAxisTickLabelPosition: chart.categoryAxisTickLabelPosition ?? "NextToAxis",
          valueAxisTickLabelPosition: chart.valueAxisTickLabelPosition ?? "NextToAxis",
          // ... nor category order or series colours.
          categoryAxisReversed: chart.categoryAxisReversed ?? false,
          categoryAxisPosition: chart.categoryAxisPosition ?? "Automatic",
          series: chart.series.map((s) => ({ ...newSeries(s.name, s.values, s.xValues), ...s })),
          id: nextId(wb, "chart"),
        };
      });
      sheet.customProperties = structuredClone(side.customProperties[ws.name] ?? []);
      sheet.horizontalPageBreaks = [...(side.horizontalPageBreaks[ws.name] ?? [])];
    }
    wb.sheets.push(sheet);
  });
  if (wb.sheets.length === 0) wb.sheets.push(newSheet(nextId(wb, "sheet"), "Sheet1"));
  const activeTab = (book.views?.[0] as { activeTab?: number } | undefined)?.activeTab ?? 0;
  const active =
    wb.sheets[activeTab]?.visibility === "Visible"
      ? wb.sheets[activeTab]
      : wb.sheets.find((s) => s.visibility === "Visible")!;
  wb.activeSheetId = active.id;
  wb.selection = { sheetId: active.id, rect: { row: 0, col: 0, rows: 1, cols: 1 } };
  return wb;
}

function sheetOut(book: ExcelJS.Workbook, sheet: SheetState, wb: WorkbookState): void {
  const ws = book.addWorksheet(sheet.name, {
    state:
      sheet.visibility === "Hidden" ? "hidden" : sheet.visibility === "VeryHidden" ? "veryHidden" : "visible",
    properties: sheet.tabColor ? { tabColor: { argb: hexToArgb(sheet.tabColor) } } : {},
    views: [
      sheet.freeze
        ? {
            state: "frozen",
            xSplit: sheet.freeze.columns,
            ySplit: sheet.freeze.rows,
            showGridLines: sheet.showGridlines,
          }
        : { state: "normal", showGridLines: sheet.showGridlines },
    ],
  });
  for (const [key, state] of sheet.cells) {
    const row = Math.floor(key / 16_384);
    const col = key % 16_384;
    const cell = ws.getCell(row + 1, col + 1);
    if (state.formula)
      cell.value = {
        formula: state.formula.slice(1),
        result: state.value === "" ? undefined : state.value,
      } as ExcelJS.CellFormulaValue;
    else if (state.value !== "") cell.value = state.value;
    if (state.numberFormat !== "General") cell.numFmt = state.numberFormat;
    styleOut(cell, state);
  }
  for (const [col, points] of sheet.columnWidths) {
    if (points !== DEFAULT_COLUMN_WIDTH_POINTS) ws.getColumn(col + 1).width = pointsToChars(points);
  }
  for (const [row, points] of sheet.rowHeights) ws.getRow(row + 1).height = points;
  for (const m of sheet.merges) ws.mergeCellsWithoutStyle(rectAddress(m));
  const byRange = new Map<string, ExcelJS.ConditionalFormattingRule[]>();
  for (const cf of [...sheet.conditionalFormats].sort((a, b) => a.priority - b.priority)) {
    byRange.set(cf.range, [...(byRange.get(cf.range) ?? []), cfOut(cf)]);
  }
  for (const [ref, rules] of byRange) ws.addConditionalFormatting({ ref, rules });
  const l = sheet.pageLayout;
  const fit = l.zoom.horizontalFitToPages !== undefined || l.zoom.verticalFitToPages !== undefined;
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: l.orientation === "Landscape" ? "landscape" : "portrait",
    paperSize: PAPER_OUT[l.paperSize] as ExcelJS.PageSetup["paperSize"],
    fitToPage: fit,
    ...(fit
      ? { fitToWidth: l.zoom.horizontalFitToPages ?? 0, fitToHeight: l.zoom.verticalFitToPages ?? 0 }
      : { scale: l.zoom.scale ?? 100 }),
    ...(l.printArea ? { printArea: l.printArea } : {}),
    ...(l.printTitleRows ? { printTitlesRow: l.printTitleRows.replace(/\$/g, "") } : {}),
    horizontalCentered: l.centerHorizontally,
    verticalCentered: l.centerVertically,
    margins: {
      left: l.leftMargin / 72,
      right: l.rightMargin / 72,
      top: l.topMargin / 72,
      bottom: l.bottomMargin / 72,
      header: l.headerMargin / 72,
      footer: l.footerMargin / 72,
    },
  };
  if (l.centerFooter) ws.headerFooter = { ...ws.headerFooter, oddFooter: `&C${l.centerFooter}` };
  // ExcelJS writes a break after a row; the simulator stores the row the break sits above.
  for (const row of sheet.horizontalPageBreaks) if (row > 0) ws.getRow(row).addPageBreak();
  for (const t of wb.tables.filter((x) => x.sheetId === sheet.id)) {
    const header = Array.from({ length: t.rect.cols }, (_, c) => {
      const v = sheet.cells.get(cellKey(t.rect.row, t.rect.col + c))?.value;
      return { name: v === undefined || v === "" ? `Column${c + 1}` : String(v) };
    });
    const rows = Array.from({ length: t.rect.rows - (t.showHeaders ? 1 : 0) }, (_, r) =>
      header.map(
        (_h, c) =>
          sheet.cells.get(cellKey(t.rect.row + r + (t.showHeaders ? 1 : 0), t.rect.col + c))?.value ?? null,
      ),
    );
    ws.addTable({
      name: t.name,
      ref: rectAddress({ ...t.rect, rows: 1, cols: 1 }),
      headerRow: t.showHeaders,
      columns: header,
      rows,
      ...(t.style
        ? { style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true } }
        : {}),
    });
  }
}

/** Writes the workbook state as .xlsx bytes, plus the side channel of what the file cannot hold. */
export async function exportWorkbook(
  wb: WorkbookState,
): Promise<{ bytes: Uint8Array; sideChannel: SideChannel }> {
  const book = new ExcelJS.Workbook();
  for (const sheet of wb.sheets) sheetOut(book, sheet, wb);
  const activeTab = Math.max(
    0,
    wb.sheets.findIndex((s) => s.id === wb.activeSheetId),
  );
  book.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab, visibility: "visible" }];
  const buffer = await book.xlsx.writeBuffer();
  const sideChannel: SideChannel = {
    charts: {},
    customProperties: {},
    settings: structuredClone(wb.settings),
    horizontalPageBreaks: {},
    names: wb.names
      .filter((n) => n.scopeSheetId === null)
      .map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
  };
  for (const sheet of wb.sheets) {
    sideChannel.charts[sheet.name] = sheet.charts.map(withoutId);
    sideChannel.customProperties[sheet.name] = structuredClone(sheet.customProperties);
    sideChannel.horizontalPageBreaks[sheet.name] = [...sheet.horizontalPageBreaks];
  }
  return { bytes: new Uint8Array(buffer as ArrayBuffer), sideChannel };
}
