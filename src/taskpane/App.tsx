// The task pane: refresh the Portfolio Summary and read its results, talking to the workbook only through the gateway.
// The same component runs in Excel (Office.js gateway), in the browser preview and in tests (in-memory Excel or a fake).
import { makeStyles } from "@griffel/react";
import { FluentProvider } from "@fluentui/react-provider";
import { tokens, webLightTheme } from "@fluentui/react-theme";
import { Button } from "@fluentui/react-button";
import { useCallback, useEffect, useReducer, useRef } from "react";
import type { SettingsOverrides } from "../core/engine-api";
import type { TrackerMapping } from "../core/mapping/format";
import type { FlaggedVariance, Issue, PortfolioSummary, ReviewNote, SourceRef } from "../core/model";
import { queryNote, varianceNote } from "../core/review/review";
import type { RawWorkbook } from "../core/raw";
import { readTracker } from "../core/read";
import { issueLocation } from "../core/wording";
import type { RefreshOutcome, SelectOutcome, WorkbookChange, WorkbookGateway } from "../excel/api";
import { SOURCE_WORDS } from "../excel/lease";
import { initialPaneState, paneReducer } from "./paneState";
import { DataProblems } from "./DataProblems/DataProblems";
import { Header } from "./Header/Header";
import { KeyRisks } from "./KeyRisks/KeyRisks";
import { KpiCards } from "./KpiCards/KpiCards";
import { isLegacyWebview } from "./legacyWebview";
import { layoutProblems } from "./MappingStep/layoutProblems";
import { Notice } from "./Notice/Notice";
import { Outlook } from "./Outlook/Outlook";
import { RagBadge } from "./RagBadge/RagBadge";
import { RefreshPanel } from "./RefreshPanel/RefreshPanel";
import { Section } from "./Section";
import { SinceLastReport } from "./SinceLastReport/SinceLastReport";
import { Settings } from "./Settings/Settings";
import { UnsupportedHost } from "./UnsupportedHost/UnsupportedHost";
import { Variances } from "./Variances/Variances";
import { visuallyHidden } from "./visuallyHidden";

const useStyles = makeStyles({
  provider: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  main: {
    boxSizing: "border-box",
    maxWidth: "640px",
    minWidth: "0",
    margin: "0 auto",
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "16px",
    fontSize: tokens.fontSizeBase300,
    overflowWrap: "break-word",
  },
  narrative: { margin: "6px 0 0", fontSize: tokens.fontSizeBase200, whiteSpace: "pre-line" },
  details: { fontSize: tokens.fontSizeBase200 },
  summaryLine: {
    cursor: "pointer",
    color: tokens.colorBrandForegroundLink,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  earlier: { margin: 0, fontSize: tokens.fontSizeBase200, fontStyle: "italic" },
  hidden: visuallyHidden,
  layoutText: { margin: 0, fontSize: tokens.fontSizeBase200 },
  layoutButton: { alignSelf: "flex-start" },
});

/** Rows read from the top of each sheet to see whether the tracker needs the mapping step (its headers are there). */
const LAYOUT_CHECK_ROWS = 2000;

/** The mapping step's module, fetched only when a tracker needs it (it keeps the first download small). */
type StepModule = typeof import("./MappingStep/MappingStep");

interface OpenMapping {
  step: StepModule["MappingStep"];
  raw: RawWorkbook;
  saved: unknown;
  reasons: Issue[];
}

const loadStep = (): Promise<StepModule> => import("./MappingStep/MappingStep");

export interface AppProps {
  gateway: WorkbookGateway;
  /** The webview's user agent; defaults to the browser's. */
  userAgent?: string;
}

/** A refresh that threw (a programming fault in the gateway) told as a failed run, so the user still gets advice. */
function unexpectedFailure(error: unknown): RefreshOutcome {
  const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
  return {
    runId: "—",
    at: new Date().toISOString(),
    ok: false,
    sheetName: null,
    flaggedVariances: 0,
    issueCounts: { error: 0, warning: 0, info: 0 },
    message: `Something went wrong inside the add-in${detail}. Close and reopen the pane, then try again; if it keeps happening, send the tracker to the add-in's support contact.`,
    summary: null,
    failedStep: null,
    nameTakenByUserSheet: false,
    syncs: 0,
    problem: "fault",
  };
}

/** Why "go to" did not get there, in words, with what to do. */
function goToProblem(result: Exclude<SelectOutcome, "selected">, ref: SourceRef): string {
  const place = issueLocation(ref, "sentence");
  if (result === "hidden")
    return `The sheet "${ref.sheet}" is hidden, so Excel cannot show ${place}. Unhide it (right-click any sheet tab, then Unhide), then choose the link again.`;
  if (result === "veryHidden")
    return `The sheet "${ref.sheet}" is hidden in a way only a macro or an add-in can undo, so Excel cannot show ${place}. Ask whoever set up the workbook to make it visible.`;
  return `There is no sheet called "${ref.sheet}" any more, so the add-in cannot show ${place}. It was renamed or deleted since the last refresh: refresh the summary to update the links.`;
}

export function App({
  gateway,
  userAgent = typeof navigator === "undefined" ? "" : navigator.userAgent,
}: AppProps) {
  if (isLegacyWebview(userAgent)) return <UnsupportedHost />;
  return <Pane gateway={gateway} />;
}

function Pane({ gateway }: { gateway: WorkbookGateway }) {
  const styles = useStyles();
  const [state, dispatch] = useReducer(paneReducer<OpenMapping>, undefined, initialPaneState<OpenMapping>);
  const {
    summary,
    lastRun,
    running,
    step,
    failure,
    notice,
    saved,
    problem,
    announcement,
    mapping,
    elsewhere,
    reviewer,
  } = state;
  const setProblem = useCallback((text: string | null) => dispatch({ type: "problem", text }), []);
  // Refs answer at once where state would answer only at the next render: one refresh at a time.
  const runningRef = useRef(false);
  /** Run id of the outcome the pane shows, so a settings change it already knows of is not followed twice. */
  const shownRun = useRef<string | null>(null);
  // Problems of the latest run when it failed but still read the tracker; otherwise those of the shown summary.
  const problemsFrom = failure?.summary ?? null;

  useEffect(() => {
    let live = true;
    gateway
      .loadLastOutcome()
      .then((run) => {
        if (!live) return;
        shownRun.current = run?.runId ?? null;
        dispatch({ type: "lastRunLoaded", run });
      })
      .catch(() => live && dispatch({ type: "lastRunLoaded", run: null }));
    gateway
      .loadSettings()
      .then((s) => live && dispatch({ type: "settingsLoaded", saved: s }))
      .catch(
        () =>
          live &&
          setProblem(
            "The pane could not read its saved settings from this workbook, so the tracker's own values apply.",
          ),
      );
    return () => {
      live = false;
    };
  }, [gateway, setProblem]);

  /** Opens the mapping step over the workbook as it is now; `reasons` say why (none when the person asked). */
  const openMapping = useCallback(
    async (reasons: Issue[], read?: RawWorkbook) => {
      setProblem(null);
      try {
        const [module, raw, saved] = await Promise.all([
          loadStep(),
          read ?? gateway.readRaw(),
          gateway.loadMapping(),
        ]);
        dispatch({
          type: "mappingOpened",
          mapping: { step: module.MappingStep, raw, saved, reasons },
          announce: reasons.length > 0,
        });
      } catch {
        setProblem(
          "The mapping step could not be opened. Check your connection and that the workbook is still open, then try again.",
        );
      }
    },
    [gateway, setProblem],
  );

  // Opening the pane on a tracker the reader cannot find its way round goes straight to the mapping step,
  // rather than waiting for a refresh to fail. A tracker laid out as the template never loads the step. Only the
  // tops of the sheets are read for this (where the headers are): the refresh reads the whole tracker, and the step,
  // when it opens, reads it once.
  useEffect(() => {
    let live = true;
    gateway
      .readRaw({ headRows: LAYOUT_CHECK_ROWS })
      .then((head) => {
        const reasons = layoutProblems(readTracker(head).issues);
        if (live && reasons.length > 0) void openMapping(reasons);
      })
      .catch(() => {
        /* a workbook that cannot be read now is reported by the refresh, with what to do */
      });
    return () => {
      live = false;
    };
  }, [gateway, openMapping]);

  const refresh = useCallback(
    async (settingsOverrides?: SettingsOverrides) => {
      if (runningRef.current) return;
      runningRef.current = true;
      dispatch({ type: "refreshStarted" });
      let outcome: RefreshOutcome;
      try {
        outcome = await gateway.refresh({
          onProgress: (step) => dispatch({ type: "progress", step }),
          settingsOverrides,
        });
      } catch (error) {
        outcome = unexpectedFailure(error);
      }
      runningRef.current = false;
      shownRun.current = outcome.runId;
      dispatch({ type: "refreshFinished", outcome });
      if (!(outcome.ok && outcome.summary)) {
        // Not a dead end: when the tracker's layout is what stopped it, offer the mapping step.
        const reasons = layoutProblems(outcome.summary?.issues ?? []);
        // The step opens on what the refresh just read, not on another read of the tracker.
        if (reasons.length > 0) await openMapping(reasons, outcome.raw);
      }
    },
    [gateway, openMapping],
  );

  // A refresh finished (or started) elsewhere: from the ribbon, another pane, a colleague's copy of the add-in.
  const follow = useCallback(
    async (change: WorkbookChange) => {
      dispatch({
        type: "elsewhere",
        refreshing: change.refreshing && !change.refreshing.here ? change.refreshing : null,
      });
      const outcome = change.outcome;
      // The pane's own refresh tells it everything itself; an outcome it shows already needs nothing.
      if (!outcome || runningRef.current || outcome.runId === shownRun.current) return;
      shownRun.current = outcome.runId;
      dispatch({ type: "followStarted", outcome });
      let current: PortfolioSummary | null = null;
      try {
        current = await gateway.readSummary();
      } catch {
        /* the stored outcome alone is still worth showing */
      }
      dispatch({ type: "followed", outcome, current });
    },
    [gateway],
  );

  useEffect(() => {
    let live = true;
    let stop: (() => void) | null = null;
    gateway
      .watchWorkbook((change) => {
        if (live) void follow(change);
      })
      .then((unsubscribe) => {
        if (live) stop = unsubscribe;
        else unsubscribe();
      })
      .catch(() => {
        /* without events (an older host) the pane still shows what it refreshes itself */
      });
    return () => {
      live = false;
      stop?.();
    };
  }, [gateway, follow]);

  const goTo = useCallback(
    (ref: SourceRef) => {
      setProblem(null);
      gateway
        .selectRange(ref.sheet, ref.cell || "A1")
        .then((result) => {
          if (result !== "selected") setProblem(goToProblem(result, ref));
        })
        .catch(() => {
          setProblem(
            `Could not go to ${issueLocation(ref, "sentence")}: Excel did not answer. Check that the workbook is still open, then choose the link again.`,
          );
        });
    },
    [gateway, setProblem],
  );

  const saveSettings = useCallback(
    async (overrides: SettingsOverrides) => {
      setProblem(null);
      try {
        await gateway.saveSettings(overrides);
      } catch {
        setProblem(
          "The settings could not be saved in this workbook. Check that it is not read-only, then save them again.",
        );
        return;
      }
      dispatch({ type: "settingsSaved", saved: overrides });
      await refresh(overrides);
    },
    [gateway, refresh, setProblem],
  );

  const saveMapping = useCallback(
    async (next: TrackerMapping | null) => {
      setProblem(null);
      try {
        await gateway.saveMapping(next);
      } catch {
        setProblem(
          "The mapping could not be saved in this workbook. Check that it is not read-only, then save it again.",
        );
        return;
      }
      dispatch({ type: "mappingClosed" });
      await refresh();
    },
    [gateway, refresh, setProblem],
  );

  /** Keeps a note on the notes sheet; null when saved, else the sentence the form shows. */
  const saveNote = useCallback(
    async (note: ReviewNote, expected: ReviewNote | null): Promise<string | null> => {
      let result;
      try {
        result = await gateway.saveReviewNote(note, expected);
      } catch {
        return "The note could not be saved: Excel did not answer. Check that the workbook is still open, then save it again.";
      }
      if (result.ok) {
        dispatch({ type: "notesChanged", notes: result.notes, sheet: result.sheet, saved: note });
        return null;
      }
      // Someone changed it in Excel: show the notes as they are now, theirs included.
      if (result.notes)
        dispatch({
          type: "notesChanged",
          notes: result.notes,
          sheet: summary?.review?.notesSheet ?? "",
          saved: null,
        });
      return result.message;
    },
    [gateway, summary],
  );
  const saveExplanation = useCallback(
    (
      variance: FlaggedVariance,
      fields: { text: string; owner: string; due: string; by: string },
      expected: ReviewNote | null,
    ) =>
      summary
        ? saveNote(varianceNote(summary, variance, fields, new Date()), expected)
        : Promise.resolve(null),
    [saveNote, summary],
  );
  const acknowledge = useCallback(
    (issue: Issue, fields: { text: string; by: string }, expected: ReviewNote | null) =>
      summary ? saveNote(queryNote(summary, issue, fields, new Date()), expected) : Promise.resolve(null),
    [saveNote, summary],
  );

  if (mapping) {
    const Step = mapping.step;
    return (
      <FluentProvider theme={webLightTheme} className={styles.provider}>
        <main className={styles.main}>
          <Header summary={summary} lastRun={lastRun} />
          <div role="status" aria-live="polite" className={styles.hidden}>
            {announcement}
          </div>
          {problem && <Notice intent="warning">{problem}</Notice>}
          <Step
            raw={mapping.raw}
            saved={mapping.saved}
            reasons={mapping.reasons}
            busy={running}
            onSave={(m) => void saveMapping(m)}
            onCancel={() => dispatch({ type: "mappingClosed" })}
          />
        </main>
      </FluentProvider>
    );
  }

  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <main className={styles.main}>
        <Header summary={summary} lastRun={lastRun} />
        {elsewhere && !running && (
          <Notice intent="info">
            {`The summary is being refreshed from ${SOURCE_WORDS[elsewhere.source] ?? "elsewhere"}; this pane shows the result when it finishes.`}
          </Notice>
        )}
        <RefreshPanel
          running={running}
          step={step}
          failure={failure}
          notice={notice}
          onRefresh={() => void refresh()}
        />
        <div role="status" aria-live="polite" className={styles.hidden}>
          {announcement}
        </div>
        {problem && <Notice intent="warning">{problem}</Notice>}
        {/* A run stopped by errors in the tracker still found them: show them so each can be fixed from its cell. */}
        {problemsFrom && (
          <DataProblems issues={problemsFrom.issues} freshness={problemsFrom.freshness} onGoTo={goTo} />
        )}
        {summary && (
          <>
            {failure && (
              <p className={styles.earlier}>The results below are from the last successful refresh.</p>
            )}
            <Section title="Overall RAG">
              <RagBadge rag={summary.overallRag} />
              {summary.overallRag.narrative && (
                // Folded so the figures stay in view on a narrow pane; a native disclosure works from the keyboard.
                <details className={styles.details}>
                  <summary className={styles.summaryLine}>Programme lead&rsquo;s narrative</summary>
                  <p className={styles.narrative}>{summary.overallRag.narrative}</p>
                </details>
              )}
            </Section>
            <Section title="Headline KPIs">
              <KpiCards kpis={summary.kpis} />
            </Section>
            <SinceLastReport summary={summary} onGoTo={goTo} />
            <Outlook summary={summary} />
            <Variances
              variances={summary.variances}
              onShowSource={goTo}
              onSaveExplanation={saveExplanation}
              reviewer={reviewer}
            />
            {!problemsFrom && (
              <DataProblems
                issues={summary.issues}
                freshness={summary.freshness}
                onGoTo={goTo}
                onAcknowledge={acknowledge}
                reviewer={reviewer}
              />
            )}
            <KeyRisks risks={summary.keyRisks} threshold={summary.riskThreshold} onShowSource={goTo} />
          </>
        )}
        <Settings saved={saved} summary={summary} busy={running} onSave={(o) => void saveSettings(o)} />
        <Section title="Tracker layout">
          <p className={styles.layoutText}>
            If parts of your tracker are on sheets or under headings of your own, tell the add-in where they
            are.
          </p>
          <Button className={styles.layoutButton} disabled={running} onClick={() => void openMapping([])}>
            Match your tracker&rsquo;s layout
          </Button>
        </Section>
      </main>
    </FluentProvider>
  );
}
