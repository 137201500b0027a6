// Argument parsing: each mistake gets its own plain sentence.
import { parseArgs } from "../../src/cli/args";

describe("parseArgs", () => {
  it("takes the tracker and both outputs, in either order and with = forms", () => {
    expect(parseArgs(["--json=s.json", "t.xlsx", "--out", "o.xlsx", "-q"])).toEqual({
      kind: "run",
      options: { trackerPath: "t.xlsx", jsonPath: "s.json", outPath: "o.xlsx", quiet: true },
    });
  });

  it("asks for help wherever --help appears", () => {
    expect(parseArgs(["t.xlsx", "--bogus", "-h"])).toEqual({ kind: "help" });
  });

  it.each([
    [[], /Give the tracker \.xlsx file/],
    [["t.xlsx", "--json"], /--json needs a file name/],
    [["t.xlsx", "--out", "--json", "x.json"], /--out needs a file name/],
    [["t.xlsx", "--out", "summary.csv"], /must end in \.xlsx \(got "summary\.csv"\)/],
    [["t.xlsx", "other.xlsx"], /Give one tracker file only/],
    [["t.xlsx", "--pdf"], /Unknown option "--pdf"/],
    [["t.xlsx", "--baseline"], /--baseline needs last-report, last-refresh or a reporting date/],
    [["t.xlsx", "--baseline", "yesterday"], /give last-report, last-refresh, or a reporting date/],
    [["t.xlsx", "--baseline", "31/02/2025"], /no such date/],
  ])("rejects %j", (argv, message) => {
    const parsed = parseArgs(argv as string[]);
    expect(parsed.kind).toBe("error");
    if (parsed.kind === "error") expect(parsed.message).toMatch(message);
  });

  it.each([
    ["last-report", { kind: "previous_report" }],
    ["last-refresh", { kind: "previous_refresh" }],
    ["10/01/2025", { kind: "report_of", reportingDate: "2025-01-10" }],
    ["1/2/2025", { kind: "report_of", reportingDate: "2025-02-01" }],
    ["2024-12-31", { kind: "report_of", reportingDate: "2024-12-31" }],
  ])("--baseline %s", (value, baseline) => {
    const parsed = parseArgs(["t.xlsx", "--baseline", value]);
    expect(parsed).toEqual({ kind: "run", options: expect.objectContaining({ baseline }) });
  });
});
