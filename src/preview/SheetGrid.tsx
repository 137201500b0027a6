// A small read-only view of the active sheet around the selection, so "Go to cell" visibly moves in the preview.
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import { cellAddress, columnLetters, parseRange, type Rect } from "../core/a1";
import type { SheetSnapshot } from "../excel-sim";

/** Rows and columns drawn around the selection: enough to see context, few enough to draw instantly. */
const ROWS = 30;
const COLS = 10;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "8px", minWidth: 0 },
  tabs: { display: "flex", flexWrap: "wrap", gap: "4px" },
  tab: {
    padding: "2px 8px",
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  activeTab: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontWeight: tokens.fontWeightSemibold,
  },
  nameBox: { fontFamily: "Consolas, monospace", fontSize: tokens.fontSizeBase200 },
  scroller: { overflow: "auto", maxHeight: "70vh", border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: "collapse", fontSize: "12px", whiteSpace: "nowrap" },
  caption: { textAlign: "left", padding: "4px", fontSize: tokens.fontSizeBase200 },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "1px 6px",
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke3}`,
    padding: "1px 6px",
    maxWidth: "180px",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  selected: {
    outline: `2px solid ${tokens.colorBrandStroke1}`,
    outlineOffset: "-2px",
    backgroundColor: tokens.colorBrandBackground2,
  },
});

export interface SheetGridProps {
  sheetNames: string[];
  activeSheet: string;
  sheet: SheetSnapshot | null;
  selection: { sheet: string; address: string } | null;
  onPickSheet: (name: string) => void;
}

function windowAround(sel: Rect | null): { row: number; col: number } {
  if (!sel) return { row: 0, col: 0 };
  return { row: Math.max(0, sel.row - 4), col: Math.max(0, sel.col - 2) };
}

export function SheetGrid({ sheetNames, activeSheet, sheet, selection, onPickSheet }: SheetGridProps) {
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement | null>(null);
  const sel = selection && selection.sheet === activeSheet ? parseRange(selection.address) : null;
  const origin = windowAround(sel);
  const inSelection = (r: number, c: number) =>
    sel !== null && r >= sel.row && r < sel.row + sel.rows && c >= sel.col && c < sel.col + sel.cols;

  // The drawn window already starts just above and left of the selection, so resetting the scroller shows it;
  // scrollIntoView would also scroll the page and pull a narrow layout away from the pane.
  useEffect(() => {
    scrollerRef.current?.scrollTo?.(0, 0);
  }, [selection, activeSheet]);

  const rows = Array.from({ length: ROWS }, (_, i) => origin.row + i);
  const cols = Array.from({ length: COLS }, (_, i) => origin.col + i);
  const textAt = (r: number, c: number): string => {
    const snap = sheet?.cells[cellAddress(r, c)];
    if (snap) return snap.text;
    const v = sheet?.values[r]?.[c];
    return v === undefined || v === null ? "" : String(v);
  };

  return (
    <div className={styles.root}>
      <div className={styles.tabs} role="group" aria-label="Sheets in the workbook">
        {sheetNames.map((name) => (
          <button
            key={name}
            type="button"
            className={mergeClasses(styles.tab, name === activeSheet && styles.activeTab)}
            aria-pressed={name === activeSheet}
            onClick={() => onPickSheet(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div className={styles.nameBox} data-testid="name-box" aria-live="polite">
        Selected: {selection ? `${selection.sheet}!${selection.address}` : "nothing"}
      </div>
      <div
        className={styles.scroller}
        tabIndex={0}
        role="region"
        aria-label={`Sheet ${activeSheet}, read-only`}
      >
        <table className={styles.table}>
          <caption className={styles.caption}>
            {activeSheet} (read-only view of rows {origin.row + 1} to {origin.row + ROWS})
          </caption>
          <thead>
            <tr>
              <td className={styles.head} />
              {cols.map((c) => (
                <th key={c} scope="col" className={styles.head}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row" className={styles.head}>
                  {r + 1}
                </th>
                {cols.map((c) => {
                  const selected = inSelection(r, c);
                  return (
                    <td
                      key={c}
                      className={mergeClasses(styles.cell, selected && styles.selected)}
                      data-address={cellAddress(r, c)}
                      data-selected={selected || undefined}
                      title={textAt(r, c) || undefined}
                    >
                      {textAt(r, c)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
