// The DrawingML text for native charts: addresses, formulas, caches, chart types and well-formed XML.
import { validateXML } from "xmllint-wasm";
import type { ChartSpec } from "../../src/layout/plan";
import { columnLetters } from "../../src/core/a1";
import { RAG_COLOURS } from "../../src/layout/styles";
import {
  cellsOf,
  chartSpaceXml,
  drawingXml,
  escapeXml,
  parseCell,
  relationshipsXml,
  resolveChart,
  seriesColour,
  sheetRangeFormula,
} from "../../src/xlsx/chart-xml";
import { DATA_SHEET_NAME, planFixture } from "../support/plan-fixture";
import { parseRangeAddress, sheetOf } from "../layout/plan-reading";

const names = { summary: "Portfolio Summary", data: DATA_SHEET_NAME };
const CHARTS = sheetOf(planFixture(), "summary").charts;

/** "A1:B2" as a formula on the data sheet, "'Portfolio Summary Data'!$A$1:$B$2". */
const onData = (range: string) => `'${DATA_SHEET_NAME}'!${range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;

/** The sample's funded EHCPs and forecast trajectory, Jan-23 to Dec-24 (the seed's Sep-24 to Dec-24 last). */
const FUNDED_EHCPS = [
  4790, 4851, 4912, 4968, 5031, 5094, 5160, 5204, 5301, 5343, 5418, 5481, 5547, 5612, 5680, 5741, 5808, 5876,
  5942, 5990, 6059, 6166, 6274, 6353,
];
const FORECAST_EHCPS = [
  4790, 4851, 4912, 4950, 4988, 5026, 5063, 5101, 5139, 5177, 5215, 5253, 5291, 5328, 5366, 5404, 5442, 5480,
  5518, 5556, 5593, 5631, 5669, 5707,
];

/** Parser errors and namespace errors both count: Excel refuses either. */
async function xmlProblems(xml: string): Promise<string> {
  const r = await validateXML({ xml: { fileName: "part.xml", contents: xml }, normalization: "format" });
  return r.valid && !/error/i.test(r.rawOutput)
    ? ""
    : r.rawOutput || r.errors.map((e) => e.message).join("\n");
}

function chart(id: string): ChartSpec {
  const spec = CHARTS.find((c) => c.id === id);
  if (!spec) throw new Error(`The plan has no chart ${id}`);
  return spec;
}
const count = (xml: string, re: RegExp) => (xml.match(re) ?? []).length;

describe("A1 addresses", () => {
  it("reads cell addresses with or without dollar signs", () => {
    expect(parseCell("A1")).toEqual({ col: 0, row: 0 });
    expect(parseCell("$AB$12")).toEqual({ col: 27, row: 11 });
    expect(() => parseCell("Dec-24")).toThrow(/Not an A1 cell address/);
  });

  it("names columns past Z the way Excel does", () => {
    expect([0, 25, 26, 51, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "ZZ", "AAA"]);
  });

  it("lists the cells of a range row by row, whichever corner comes first", () => {
    expect(cellsOf("B3:A2")).toEqual([
      { col: 0, row: 1 },
      { col: 1, row: 1 },
      { col: 0, row: 2 },
      { col: 1, row: 2 },
    ]);
  });

  it("quotes sheet names in series formulas and doubles their apostrophes", () => {
    expect(sheetRangeFormula("Portfolio Summary Data", "B2:B13")).toBe("'Portfolio Summary Data'!$B$2:$B$13");
    expect(sheetRangeFormula("Children's Data", "C1")).toBe("'Children''s Data'!$C$1");
  });
});

describe("escaping", () => {
  it("escapes markup characters and drops characters XML cannot carry", () => {
    expect(escapeXml(`Risks <15+> & "Actions" 'now'\u0007`)).toBe(
      "Risks &lt;15+&gt; &amp; &quot;Actions&quot; 'now'",
    );
  });

  it("keeps a title with markup characters as text in a well-formed chart", async () => {
    const spec = { ...chart("PS_ehcp_trajectory"), title: 'EHCPs <forecast> & "actual"' };
    const xml = chartSpaceXml(resolveChart(planFixture(), spec, names));
    expect(xml).toContain("<a:t>EHCPs &lt;forecast&gt; &amp; &quot;actual&quot;</a:t>");
    expect(await xmlProblems(xml)).toBe("");
  });
});

describe("resolving a chart against the plan", () => {
  it("points each series at the data sheet and caches the plan's current values", () => {
    const spec = chart("PS_ehcp_trajectory");
    const resolved = resolveChart(planFixture(), spec, names);
    const [funded, forecast] = resolved.series;
    expect(funded.nameFormula).toBe(onData(spec.series[0].nameRef!.range));
    expect(funded.categories.formula).toBe(onData(spec.series[0].categories.range));
    expect(funded.values.formula).toBe(onData(spec.series[0].values.range));
    expect(funded.values.points).toEqual(FUNDED_EHCPS);
    expect(funded.values.formatCode).toBe("#,##0");
    expect(forecast.values.points).toEqual(FORECAST_EHCPS);
  });

  it("uses a text category cache when the categories are words (the programmes)", () => {
    const [green] = resolveChart(planFixture(), chart("PS_workstream_rag"), names).series;
    expect(green.categories).toMatchObject({ kind: "str" });
    expect(green.categories.points[0]).toBe("1 - Voice of the child and their family");
  });

  it("uses a numeric category cache when the categories are numbers (dates stored as serials)", () => {
    const resolved = resolveChart(planFixture(), chart("PS_ehcp_trajectory"), names);
    expect(resolved.series[0].categories).toMatchObject({ kind: "num", formatCode: "mmm-yy" });
    expect(resolved.series[0].categories.points[0]).toBe(44927); // 01/01/2023
    const xml = chartSpaceXml(resolved);
    expect(xml).toContain("<c:cat><c:numRef>");
    expect(xml).toContain("<c:formatCode>mmm-yy</c:formatCode>");
    // The axis says the format outright, or LibreOffice labels it with serial numbers.
    expect(xml).toMatch(/<c:catAx>.*<c:numFmt formatCode="mmm-yy" sourceLinked="0"\/>.*<\/c:catAx>/);
  });

  it("leaves blanks out of the cache so the chart shows a gap, not a zero", () => {
    const plan = planFixture();
    const spec = chart("PS_ehcp_trajectory");
    const funded = parseRangeAddress(spec.series[0].values.range);
    sheetOf(plan, "data").values[funded.row2 - 1][funded.col1] = null;
    const xml = chartSpaceXml(resolveChart(plan, spec, names));
    const firstSeries = xml.split("</c:ser>")[0];
    expect(count(firstSeries.split("<c:val>")[1], /<c:pt /g)).toBe(23);
    expect(firstSeries).toContain('<c:ptCount val="24"/>');
    expect(xml).toContain('<c:dispBlanksAs val="gap"/>');
  });

  it("refuses a chart that refers to a sheet the plan does not have (a fault in the layout)", () => {
    const plan = { sheets: planFixture().sheets.filter((s) => s.key === "summary") };
    expect(() => resolveChart(plan, chart("PS_ehcp_trajectory"), names)).toThrow(/no "data" sheet/);
  });
});

describe("chart parts", () => {
  const xmlFor = (id: string) => chartSpaceXml(resolveChart(planFixture(), chart(id), names));

  it.each(CHARTS.map((c) => c.id))("%s is a well-formed chartSpace", async (id) => {
    const xml = xmlFor(id);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')).toBe(true);
    expect(await xmlProblems(xml)).toBe("");
  });

  it("draws the EHCP trajectory as a line chart with markers and one series per column", () => {
    const xml = xmlFor("PS_ehcp_trajectory");
    expect(xml).toContain("<c:lineChart>");
    expect(xml).not.toContain("<c:barChart>");
    expect(count(xml, /<c:ser>/g)).toBe(2);
    const funded = chart("PS_ehcp_trajectory").series[0];
    expect(xml).toContain(`<c:tx><c:strRef><c:f>${onData(funded.nameRef!.range)}</c:f>`);
    expect(xml).toContain('<c:pt idx="23"><c:v>6353</c:v></c:pt>');
  });

  it("draws clustered columns without overlap", () => {
    const xml = xmlFor("PS_special_school_places");
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(xml).not.toContain("<c:overlap");
  });

  it("stacks workstream RAG as horizontal bars that overlap fully, first programme at the top", () => {
    const xml = xmlFor("PS_workstream_rag");
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain('<c:orientation val="maxMin"/>');
    expect(xml).toMatch(/<c:catAx>.*<c:axPos val="l"\/>.*<\/c:catAx>/);
  });

  it("stacks milestone status as columns that overlap fully", () => {
    // The page stacks them as bars; drawn as stacked columns, they overlap as fully.
    const columns: ChartSpec = { ...chart("PS_milestone_status"), type: "columnStacked" };
    const xml = chartSpaceXml(resolveChart(planFixture(), columns, names));
    expect(xml).toContain('<c:barDir val="col"/><c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
  });

  it("gives RAG series their RAG colour, so Red is red whatever its position", () => {
    const xml = xmlFor("PS_workstream_rag");
    const red = xml.split("<c:ser>").find((s) => s.includes("<c:v>Red</c:v>"))!;
    expect(red).toContain(`<a:srgbClr val="${RAG_COLOURS.Red.fill.slice(1)}"/>`);
    expect(seriesColour("Amber/Green", 0)).not.toBe(seriesColour("Amber", 0));
    expect(seriesColour("Our council", 0)).not.toBe(seriesColour("England", 1));
  });

  it("writes the title, both axis titles and the value axis number format", () => {
    const xml = xmlFor("PS_twenty_week_rates");
    expect(xml).toContain("<a:t>EHCNA 20-week rates (excluding exceptions)</a:t>");
    expect(xml).toContain("<a:t>Month</a:t>");
    expect(xml).toContain("<a:t>Made within 20 weeks</a:t>");
    expect(xml).toMatch(/<c:valAx>.*<c:numFmt formatCode="0.0%" sourceLinked="0"\/>.*<\/c:valAx>/);
    expect(xml).toContain('<c:autoTitleDeleted val="0"/>');
  });

  it("writes a legend only when asked", () => {
    expect(xmlFor("PS_ehcp_trajectory")).toContain('<c:legend><c:legendPos val="b"/>');
    const noLegend = { ...chart("PS_ehcp_trajectory"), showLegend: false };
    expect(chartSpaceXml(resolveChart(planFixture(), noLegend, names))).not.toContain("<c:legend>");
  });

  it("follows the schema's element order inside a chart (title before plotArea before legend)", () => {
    const xml = xmlFor("PS_ehcp_trajectory");
    const at = (tag: string) => xml.indexOf(tag);
    expect(at("<c:title>")).toBeLessThan(at("<c:autoTitleDeleted"));
    expect(at("<c:autoTitleDeleted")).toBeLessThan(at("<c:plotArea>"));
    expect(at("</c:plotArea>")).toBeLessThan(at("<c:legend>"));
    expect(at("<c:legend>")).toBeLessThan(at("<c:plotVisOnly"));
    expect(at("<c:catAx>")).toBeLessThan(at("<c:valAx>"));
  });
});

describe("drawing part", () => {
  it("anchors each chart from its top-left cell to the far corner of its bottom-right cell", async () => {
    // A chart placed at A22:F37, wherever the page places it.
    const placed: ChartSpec = { ...chart("PS_ehcp_trajectory"), position: { from: "A22", to: "F37" } };
    const xml = drawingXml([
      { spec: placed, relId: "rId1" },
      { spec: chart("PS_twenty_week_rates"), relId: "rId2" },
    ]);
    expect(await xmlProblems(xml)).toBe("");
    expect(count(xml, /<xdr:twoCellAnchor/g)).toBe(2);
    // A22:F37 -> from column 0 row 21, to the start of column 6 row 37 (0-based).
    expect(xml).toContain(
      "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>21</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>",
    );
    expect(xml).toContain(
      "<xdr:to><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>37</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>",
    );
    // The description is the chart's alternative text (what it shows); the title attribute is its title.
    expect(xml).toContain(
      'name="PS_ehcp_trajectory" descr="Line chart: Funded EHCPs against the forecast trajectory. Funded EHCPs rose from 4,790 in January 2023 to 6,353 in December 2024, 646 above the forecast trajectory of 5,707." title="Funded EHCPs against the forecast trajectory"',
    );
    expect(xml).toContain('r:id="rId2"');
  });

  it("lists relationships in a well-formed rels part", async () => {
    const xml = relationshipsXml([{ id: "rId1", type: "http://x/chart", target: "../charts/chart1.xml" }]);
    expect(xml).toContain('<Relationship Id="rId1" Type="http://x/chart" Target="../charts/chart1.xml"/>');
    expect(await xmlProblems(xml)).toBe("");
  });
});
