// One measure's outlook: projection beside the trajectory's year-end figure, the gap, the monthly change needed,
// and the sentences for each, on the sample's EHCPs and on the edge cases (flat, crossing, year end reached or past).
import { addMonths, seriesFrom } from "../../../src/core/metrics/series";
import { measureOutlook, type MeasureInput } from "../../../src/core/outlook/measures";

const monthly = (first: string, values: (number | null)[]) =>
  seriesFrom(values.map((value, i) => ({ month: addMonths(first, i), value })));

const ref = (cell: string) => ({ sheet: "SEND Monthly", cell });

/** A count measure against a monthly trajectory; tests change what they need. */
function countMeasure(
  actual: (number | null)[],
  trajectory: (number | null)[] | null,
  first = "2023-12",
  extra: Partial<MeasureInput> = {},
): MeasureInput {
  return {
    id: "ehcp_count",
    label: "Funded EHCPs",
    unit: "count",
    polarity: "higher_is_worse",
    tolerance: 0,
    actual: monthly(first, actual),
    actualWhat: "funded EHCPs on the SEND Monthly sheet",
    subject: "funded EHCPs",
    shortSubject: "the count",
    trajectory: trajectory
      ? {
          kind: "series",
          series: monthly(first, trajectory),
          what: "the forecast on the SEND Monthly sheet",
          label: "Forecast trajectory",
          sourceAt: (m) => ref(`C${m}`),
        }
      : { kind: "none", reason: "The SEND Monthly sheet has no 'Forecast EHCPs' figures." },
    sources: [ref("B25:B37")],
    ...extra,
  };
}

// The sample tracker, Dec-23 .. Dec-24: funded EHCPs and the forecast trajectory (4912 at Mar-23 to 5707 at Dec-24).
const SAMPLE_FUNDED = [5481, 5547, 5612, 5680, 5741, 5808, 5876, 5942, 5990, 6059, 6166, 6274, 6353];
const SAMPLE_FORECAST = [...Array(13).keys()].map((i) => Math.round(4912 + (795 * (i + 9)) / 21));

describe("the sample's funded EHCPs to Mar-25", () => {
  const m = measureOutlook(countMeasure(SAMPLE_FUNDED, SAMPLE_FORECAST), "2025-03");

  it("projects 6,592 (6,497 to 6,677) against the trajectory carried on to 5,821: 771 above, adverse", () => {
    expect(SAMPLE_FORECAST[12]).toBe(5707);
    expect(m.projection).toMatchObject({ fromValue: 6353, projected: 6592, low: 6497, high: 6677 });
    expect(m.trajectory).toMatchObject({ value: 5821, basis: "extended", label: "Forecast trajectory" });
    expect(m.trajectory?.note).toBe(
      "The forecast on the SEND Monthly sheet ends at Dec-24; it is carried on to Mar-25 at its own average monthly change over the last 6 months (+38 a month).",
    );
    expect(m).toMatchObject({ gapAtYearEnd: 771, status: "adverse", reasons: [] });
  });

  it("needs a fall of 177 a month against a rise of 80 a month, and says so", () => {
    expect(m.neededMonthlyChange).toBeCloseTo((5821 - 6353) / 3, 10);
    expect(m.projectionText).toBe(
      "On the trend of the last six months, funded EHCPs would be about 6,592 by Mar-25 (range 6,497 to 6,677), 771 above the trajectory of 5,821 (carried on from Dec-24).",
    );
    expect(m.neededText).toBe(
      "To be back on trajectory by Mar-25 the count would have to fall by 177 a month; it has risen by 80 a month over the last six months.",
    );
  });

  it("points at the funded counts and at the forecast cell it carried on from", () => {
    expect(m.sources).toEqual([ref("B25:B37"), ref("C2024-12")]);
  });
});

describe("edge cases", () => {
  it("uses the trajectory's own year-end figure when the sheet has it", () => {
    const forecast = [...SAMPLE_FORECAST, 5750, 5780, 5800];
    const m = measureOutlook(countMeasure(SAMPLE_FUNDED, forecast), "2025-03");
    expect(m.trajectory).toMatchObject({ value: 5800, basis: "tracker", sources: [ref("C2025-03")] });
    expect(m.gapAtYearEnd).toBe(6592 - 5800);
  });

  it("a flat series stays level, and the sentence says so", () => {
    const m = measureOutlook(countMeasure(Array(13).fill(6000), Array(13).fill(6100)), "2025-03");
    expect(m.projection).toMatchObject({ averageMonthlyChange: 0, projected: 6000, low: 6000, high: 6000 });
    expect(m.projectionText).toBe(
      "On the trend of the last six months, funded EHCPs would be about 6,000 by Mar-25, 100 below the trajectory of 6,100 (carried on from Dec-24).",
    );
    expect(m).toMatchObject({ status: "favourable", neededMonthlyChange: 100 / 3 });
    expect(m.neededText).toBe(
      "On this trend the count stays on trajectory to Mar-25; it has stayed level over the last six months.",
    );
  });

  it("a series below the trajectory today but crossing it before the year end is adverse, with the rise it can afford", () => {
    // 5,900 at Dec-24 rising by 100 a month; a flat trajectory of 6,000: 6,200 by Mar-25.
    const actual = [...Array(13).keys()].map((i) => 4700 + 100 * i);
    const m = measureOutlook(countMeasure(actual, Array(13).fill(6000)), "2025-03");
    expect(m).toMatchObject({ gapAtYearEnd: 200, status: "adverse" });
    expect(m.neededMonthlyChange).toBeCloseTo(100 / 3, 10);
    expect(m.neededText).toBe(
      "To stay on trajectory to Mar-25 the count could rise by no more than 33 a month; it has risen by 100 a month over the last six months.",
    );
  });

  it("a series above the trajectory today but falling through it is back on trajectory by the year end", () => {
    const actual = [...Array(13).keys()].map((i) => 7300 - 100 * i); // 6,100 at Dec-24
    const m = measureOutlook(countMeasure(actual, Array(13).fill(6000)), "2025-03");
    expect(m).toMatchObject({ gapAtYearEnd: -200, status: "favourable" });
    expect(m.neededText).toBe(
      "On this trend the count is back on trajectory by Mar-25; it has fallen by 100 a month over the last six months.",
    );
  });

  it("a gap within the tolerance is on target", () => {
    const actual = [...Array(13).keys()].map((i) => 5980 + i); // 5,992 at Dec-24, +1 a month
    const m = measureOutlook(
      countMeasure(actual, Array(13).fill(6000), "2023-12", { tolerance: 50 }),
      "2025-03",
    );
    expect(m.status).toBe("on_target");
    expect(m.gapAtYearEnd).toBe(-5);
    expect(m.neededText).toBe(
      "On this trend the count stays on trajectory to Mar-25; it has risen by 1 a month over the last six months.",
    );
  });

  it("at the year end the projection is the actual and no monthly change is offered", () => {
    const m = measureOutlook(countMeasure(SAMPLE_FUNDED, SAMPLE_FORECAST, "2024-03"), "2025-03");
    expect(m.projection).toMatchObject({ fromMonth: "2025-03", monthsToYearEnd: 0, projected: 6353 });
    expect(m.trajectory).toMatchObject({ value: 5707, basis: "tracker" });
    expect(m.neededMonthlyChange).toBeNull();
    expect(m.projectionText).toBe(
      "Funded EHCPs ended the year at 6,353 (Mar-25), 646 above the trajectory of 5,707.",
    );
    expect(m.neededText).toBe("The year has ended, so no monthly change can close the gap now.");
  });

  it("with the year end already past there is no projection, no gap, and one reason", () => {
    const m = measureOutlook(countMeasure(SAMPLE_FUNDED, SAMPLE_FORECAST, "2024-06"), "2025-03");
    expect(m).toMatchObject({
      projection: null,
      gapAtYearEnd: null,
      neededMonthlyChange: null,
      neededText: "",
    });
    expect(m.reasons[0]).toBe(
      "The financial year ended in Mar-25, before the latest month of funded EHCPs on the SEND Monthly sheet (Jun-25), so there is nothing left to project; set the current financial year on the Settings sheet.",
    );
  });

  it("with fewer than 6 months of changes there is no projection, and the reason says how many months there are", () => {
    const m = measureOutlook(countMeasure([6000, 6050, 6100], [5900, 5950, 6000], "2024-10"), "2025-03");
    expect(m.projection).toBeNull();
    expect(m.projectionText).toBe("");
    expect(m.reasons).toEqual([
      "The projection needs the last 6 monthly changes, so 7 consecutive month-ends of funded EHCPs on the SEND Monthly sheet up to Dec-24; there are 3.",
      "The trajectory has no Mar-25 figure and cannot be carried on to it: the projection needs the last 6 monthly changes, so 7 consecutive month-ends of the forecast on the SEND Monthly sheet up to Dec-24; there are 3.",
    ]);
  });

  it("without a trajectory the projection still stands, beside the reason", () => {
    const m = measureOutlook(countMeasure(SAMPLE_FUNDED, null), "2025-03");
    expect(m.projection?.projected).toBe(6592);
    expect(m.projectionText).toBe(
      "On the trend of the last six months, funded EHCPs would be about 6,592 by Mar-25 (range 6,497 to 6,677).",
    );
    expect(m).toMatchObject({
      trajectory: null,
      gapAtYearEnd: null,
      status: null,
      neededText: "",
    });
    expect(m.reasons).toEqual(["The SEND Monthly sheet has no 'Forecast EHCPs' figures."]);
  });

  it("a share against a KPI target: the INMSS share stays within the forecast, with headroom", () => {
    // 12-month rolling averages falling by 0.01 pp a month from 5.81% to 5.75%.
    const rolling = [...Array(7).keys()].map((i) => 0.0581 - 0.0001 * i);
    const m = measureOutlook(
      {
        ...countMeasure([], null),
        id: "inmss_share",
        label: "INMSS share (12-month rolling average)",
        unit: "share",
        tolerance: 0.0025,
        actual: monthly("2024-06", rolling),
        subject: "the INMSS share (12-month rolling average)",
        shortSubject: "the share",
        trajectory: {
          kind: "target",
          value: 0.0692,
          label: "Forecast",
          source: { sheet: "KPIs", cell: "C4" },
          note: "The tracker gives no monthly INMSS trajectory, so the KPI's forecast stands for the year end.",
        },
      },
      "2025-03",
    );
    expect(m.projection?.projected).toBeCloseTo(0.0572, 10);
    expect(m.trajectory).toMatchObject({ value: 0.0692, basis: "kpi_target" });
    expect(m.status).toBe("favourable");
    expect(m.projectionText).toBe(
      "On the trend of the last six months, the INMSS share (12-month rolling average) would be about 5.72% by Mar-25, 1.20 pp below the forecast of 6.92%.",
    );
    // The headroom: the share could rise by 0.39 pp a month and still meet the forecast.
    expect(m.neededMonthlyChange).toBeCloseTo((0.0692 - 0.0575) / 3, 10);
    expect(m.neededText).toBe(
      "On this trend the share stays within the forecast to Mar-25; it has fallen by 0.01 pp a month over the last six months.",
    );
  });

  it("reads 'higher is better' the other way round", () => {
    const actual = [...Array(13).keys()].map((i) => 200 + 2 * i); // 224 at Dec-24, +2 a month
    const m = measureOutlook(
      countMeasure(actual, Array(13).fill(250), "2023-12", { polarity: "higher_is_better" }),
      "2025-03",
    );
    expect(m).toMatchObject({ gapAtYearEnd: 230 - 250, status: "adverse" });
    expect(m.neededText).toBe(
      "To be back on trajectory by Mar-25 the count would have to rise by 9 a month; it has risen by 2 a month over the last six months.",
    );
  });
});
