// The preview page: the real task pane beside a read-only grid, over an in-memory workbook the user can swap and download.
import { Button, FluentProvider, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState, type ChangeEvent } from "react";
import { ExcelSim } from "../excel-sim";
import { createWorkbookGateway } from "../excel/gateway";
import { App } from "../taskpane/App";
import { observedGateway } from "./observedGateway";
import { SheetGrid } from "./SheetGrid";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  page: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground3 },
  banner: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "8px 16px",
    padding: "8px 12px",
    backgroundColor: "#FFF4CE",
    borderBottom: "2px solid #8A6A00",
    color: tokens.colorNeutralForeground1,
  },
  bannerTitle: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold },
  bannerText: { margin: 0, fontSize: tokens.fontSizeBase200, flexBasis: "100%" },
  tools: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "8px" },
  fileLabel: { fontSize: tokens.fontSizeBase200 },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1, flexBasis: "100%" },
  body: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr)",
    gap: "12px",
    "@media (min-width: 820px)": { gridTemplateColumns: "380px minmax(0, 1fr)", alignItems: "start" },
  },
  pane: {
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grid: { minWidth: 0, padding: "12px" },
  gridTitle: { margin: "0 0 8px", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface PreviewWorkbook {
  sim: ExcelSim;
  fileName: string;
  /** Distinct per opened file, so the pane starts afresh even when a file of the same name is opened again. */
  id: number;
}

let opened = 0;

/** What the browser test reads to see that "Go to cell" moved the selection. */
export interface PreviewHandle {
  readonly sim: ExcelSim;
  readonly selection: { sheet: string; address: string } | null;
  readonly activeSheet: string;
}

declare global {
  interface Window {
    __preview?: PreviewHandle;
  }
}

export async function openWorkbook(data: ArrayBuffer, fileName: string): Promise<PreviewWorkbook> {
  const sim = new ExcelSim();
  await sim.importXlsx(data);
  sim.workbookName = fileName;
  return { sim, fileName, id: ++opened };
}

export function PreviewShell({ initial }: { initial: PreviewWorkbook }) {
  const styles = useStyles();
  const [book, setBook] = useState(initial);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const gateway = useMemo(
    () => observedGateway(createWorkbookGateway(book.sim.run, { source: "preview" }), bump),
    [book, bump],
  );

  useEffect(() => {
    window.__preview = {
      get sim() {
        return book.sim;
      },
      get selection() {
        return book.sim.selection;
      },
      get activeSheet() {
        return book.sim.activeSheet;
      },
    };
  }, [book]);

  const openFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setError(null);
    try {
      setBook(await openWorkbook(await file.arrayBuffer(), file.name));
    } catch {
      setError(
        `"${file.name}" could not be opened as an Excel workbook. Save it from Excel as .xlsx and try again.`,
      );
    }
  };

  const download = async () => {
    setError(null);
    try {
      const bytes = await book.sim.exportXlsx();
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_TYPE }));
      const link = document.createElement("a");
      link.href = url;
      link.download = book.fileName.replace(/\.xlsx$/i, "") + " with Portfolio Summary.xlsx";
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setError("The workbook could not be prepared for download. Refresh the summary and try again.");
    }
  };

  const sheetNames = book.sim.sheetNames;
  const activeSheet = book.sim.activeSheet || sheetNames[0] || "";
  // Read on every render: the version counter changes whenever the workbook may have.
  void version;
  const snapshot = activeSheet ? book.sim.snapshot(activeSheet) : null;

  return (
    <FluentProvider theme={webLightTheme} className={styles.page}>
      <div className={styles.banner} role="region" aria-label="About this preview">
        <p className={styles.bannerTitle}>Preview — not connected to Excel</p>
        <div className={styles.tools}>
          <label className={styles.fileLabel}>
            Open your tracker (.xlsx){" "}
            <input
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => void openFile(e)}
            />
          </label>
          <Button size="small" onClick={() => void download()}>
            Download workbook
          </Button>
        </div>
        <p className={styles.bannerText}>
          Showing <strong>{book.fileName}</strong> in an in-memory copy of Excel. Nothing is sent anywhere,
          and no file changes until you download it.
        </p>
        {error && (
          <p className={styles.error} role="alert">
            {error}
          </p>
        )}
      </div>
      <div className={styles.body}>
        <div className={styles.pane} data-testid="pane">
          <App key={book.id} gateway={gateway} />
        </div>
        <div className={styles.grid} role="region" aria-label="Workbook">
          <h2 className={styles.gridTitle}>Workbook</h2>
          <SheetGrid
            sheetNames={sheetNames}
            activeSheet={activeSheet}
            sheet={snapshot}
            selection={book.sim.selection}
            onPickSheet={(name) => {
              book.sim.activeSheet = name;
              bump();
            }}
          />
        </div>
      </div>
    </FluentProvider>
  );
}
