import { parseProgramme, programmeNameFrom } from "../../../src/core/parse";

describe("programme references", () => {
  it.each([
    [2, 2],
    ["2", 2],
    ["P2", 2],
    ["p 2", 2],
    ["Programme 2", 2],
    ["Prog. 2", 2],
    ["2 - Improving support, skills and practice", 2],
    ["2. Improving support", 2],
    ["Programme 6: Improving communication", 6],
    ["12", 12],
  ])("%p is programme %p", (v, n) => {
    const r = parseProgramme(v);
    expect(r.ok && r.value).toBe(n);
  });

  it.each([0, 2.5, -1, "", "Two", "2.5", "Programme", "P0"])("%p is not a programme number", (v) => {
    expect(parseProgramme(v).ok).toBe(false);
  });

  it("the name after the number is kept for the Programmes sheet", () => {
    expect(programmeNameFrom("2 - Improving support, skills and practice")).toBe(
      "Improving support, skills and practice",
    );
    expect(programmeNameFrom("2")).toBe("");
  });
});
