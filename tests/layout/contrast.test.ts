// Text contrast of every look the page uses, computed (WCAG 2.2, 1.4.3): each named style, each RAG grade, each
// severity and status colour, and every style and conditional format the planned sheets really carry. And colour is
// never the only carrier of meaning (1.4.1): every cell on a RAG fill carries the grade's word.
import { planSheets } from "../../src/layout";
import { contrastRatio, luminance, MIN_TEXT_CONTRAST } from "../../src/layout/contrast";
import type { CellStyle, PlannedSheet } from "../../src/layout/plan";
import {
  PALETTE,
  RAG_COLOURS,
  STYLES,
  ragStyle,
  severityStyle,
  statusFlag,
  tableStatusStyle,
  tileStatusStyle,
} from "../../src/layout/styles";
import { RAG_SCALE } from "../../src/core/model";
import { makeSummaryFixture } from "../support/summary-fixture";
import { cellAddress, styleAt } from "./plan-reading";

/** Text on a style: its font colour (Excel's default black) on its fill (white where it has none). */
const pair = (style: CellStyle) => ({
  text: style.font?.color ?? PALETTE.black,
  fill: style.fill ?? PALETTE.white,
});

const failing = (looks: [string, CellStyle][]) =>
  looks
    .map(([name, style]) => ({
      name,
      ...pair(style),
      ratio: contrastRatio(pair(style).text, pair(style).fill),
    }))
    .filter((l) => l.ratio < MIN_TEXT_CONTRAST);

describe("contrast, computed", () => {
  it("computes WCAG's figures: black on white 21:1, white on white 1:1, #767676 on white just over 4.5:1", () => {
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 5);
    expect(contrastRatio("#FFFFFF", "#FFFFFF")).toBe(1);
    expect(contrastRatio("#767676", "#FFFFFF")).toBeCloseTo(4.54, 2);
    expect(luminance("#808080")).toBeCloseTo(0.2159, 4);
  });

  it(`gives every named style in src/layout/styles.ts at least ${MIN_TEXT_CONTRAST}:1`, () => {
    const looks = Object.entries(STYLES) as [string, CellStyle][];
    expect(looks.length).toBeGreaterThan(40);
    expect(failing(looks)).toEqual([]);
  });

  it("gives every RAG grade, severity, status word and the risk score's conditional fills at least 4.5:1", () => {
    const statuses = (["adverse", "favourable", "on_target", null] as const).map((s) => statusFlag(s).color);
    const looks: [string, CellStyle][] = [
      ...RAG_SCALE.map((g): [string, CellStyle] => [`RAG ${g}`, ragStyle(g)]),
      ["RAG not read", ragStyle(null)],
      ...(["error", "warning", "info"] as const).map((s): [string, CellStyle] => [
        `severity ${s}`,
        severityStyle(s),
      ]),
      ...statuses.map((c): [string, CellStyle] => [`tile status ${c}`, tileStatusStyle(c)]),
      ...statuses.map((c): [string, CellStyle] => [`table status ${c}`, tableStatusStyle(c)]),
      ...Object.entries(RAG_COLOURS).map(([g, c]): [string, CellStyle] => [
        `conditional ${g}`,
        { fill: c.fill, font: { color: c.text } },
      ]),
    ];
    expect(failing(looks)).toEqual([]);
  });

  it("the RAG fills differ in luminance, so the five grades read apart in greyscale print", () => {
    const fills = RAG_SCALE.map((g) => RAG_COLOURS[g].fill).sort((a, b) => luminance(a) - luminance(b));
    // Neighbours in lightness at least 1.3:1 apart.
    for (let i = 1; i < fills.length; i++) expect(contrastRatio(fills[i], fills[i - 1])).toBeGreaterThan(1.3);
  });
});

/** Every cell's effective style on a planned sheet, keyed by its address (rows as Excel numbers them). */
function effective(sheet: PlannedSheet): Map<string, CellStyle> {
  const out = new Map<string, CellStyle>();
  sheet.values.forEach((row, r) =>
    row.forEach((_, c) => out.set(cellAddress(r + 1, c), styleAt(sheet, cellAddress(r + 1, c)))),
  );
  return out;
}

describe("the planned sheets, computed cell by cell", () => {
  const plan = planSheets(makeSummaryFixture());

  it.each(["summary", "data"] as const)(
    "every cell holding text or a figure on the %s sheet has 4.5:1",
    (key) => {
      const sheet = plan.sheets.find((s) => s.key === key) as PlannedSheet;
      const styles = effective(sheet);
      const low: string[] = [];
      let checked = 0;
      sheet.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === "") return;
          const style = styles.get(cellAddress(r + 1, c)) ?? {};
          checked++;
          const { text, fill } = pair(style);
          if (contrastRatio(text, fill) < MIN_TEXT_CONTRAST)
            low.push(`${cellAddress(r + 1, c)} ${text} on ${fill}`);
        }),
      );
      expect(checked).toBeGreaterThan(100);
      expect(low).toEqual([]);
    },
  );

  it("every conditional format's text has 4.5:1 on its fill", () => {
    const rules = plan.sheets.flatMap((s) => s.conditionalFormats);
    expect(rules.length).toBeGreaterThan(0);
    for (const cf of rules)
      expect(
        contrastRatio(cf.style.fontColor ?? PALETTE.black, cf.style.fill ?? PALETTE.white),
      ).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });

  it("colour is never the only signal: every cell on a RAG grade's fill holds words, and the grade's fill goes with its word", () => {
    const page = plan.sheets.find((s) => s.key === "summary") as PlannedSheet;
    const styles = effective(page);
    const byFill = new Map(Object.entries(RAG_COLOURS).map(([g, c]) => [c.fill.toUpperCase(), g]));
    let seen = 0;
    const bare: string[] = [];
    const mismatched: string[] = [];
    page.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const fill = styles.get(cellAddress(r + 1, c))?.fill?.toUpperCase();
        const grade = fill ? byFill.get(fill) : undefined;
        if (!grade || v === null) return;
        seen++;
        if (typeof v !== "string" || !/[A-Za-z]/.test(v)) bare.push(`${cellAddress(r + 1, c)}=${String(v)}`);
        // The grade's word is in the cell: the council's own wording names it ("Amber / Green - Off Track").
        else if (
          !v
            .replace(/\s*\/\s*/g, "/")
            .toLowerCase()
            .includes(grade.toLowerCase())
        )
          mismatched.push(`${cellAddress(r + 1, c)}=${v} on ${grade}`);
      }),
    );
    expect(seen).toBeGreaterThan(5);
    expect(bare).toEqual([]);
    expect(mismatched).toEqual([]);
  });
});
