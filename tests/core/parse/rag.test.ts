import { RAG_SCALE } from "../../../src/core/model";
import { parseRag, ragTrack, toRagValue } from "../../../src/core/parse";

const grade = (text: string) => {
  const r = parseRag(text);
  return r.ok ? r.value.grade : null;
};

describe("RAG text onto the 5-point scale", () => {
  it.each([
    ["Green - On Track", "Green"],
    ["G", "Green"],
    ["green", "Green"],
    ["Amber / Green - Off Track", "Amber/Green"],
    ["Amber/Green", "Amber/Green"],
    ["A/G", "Amber/Green"],
    ["AG", "Amber/Green"],
    ["amber-green", "Amber/Green"],
    ["Amber Green", "Amber/Green"],
    ["GA", "Amber/Green"],
    ["Green/Amber", "Amber/Green"],
    ["Amber", "Amber"],
    ["A", "Amber"],
    ["Amber Red", "Amber/Red"],
    ["Amber/Red", "Amber/Red"],
    ["AR", "Amber/Red"],
    ["A/R", "Amber/Red"],
    ["RA", "Amber/Red"],
    ["Amber/Red - At Risk", "Amber/Red"],
    ["Red", "Red"],
    ["R", "Red"],
    ["  RED (off track) ", "Red"],
  ])("%p is %p", (text, expected) => {
    expect(grade(text)).toBe(expected);
  });

  it("every grade it returns is on the scale", () => {
    for (const t of ["G", "AG", "A", "AR", "R"]) expect(RAG_SCALE).toContain(grade(t));
  });

  it.each(["Blue", "Grey", "TBC", "Complete", "RAG", "Green/Red", "On Track"])(
    "%p is not a grade",
    (text) => {
      const r = parseRag(text);
      expect(r.ok).toBe(false);
    },
  );

  it("keeps the on/off-track flag apart and the council's own text unchanged", () => {
    expect(parseRag("Amber / Green - Off Track")).toEqual({
      ok: true,
      value: { grade: "Amber/Green", track: "off", text: "Amber / Green - Off Track" },
    });
    expect(ragTrack("Green - On Track")).toBe("on");
    expect(ragTrack("Amber/Red - At Risk")).toBe("off");
    expect(ragTrack("Amber")).toBeNull();
  });

  it("an unknown word still keeps its text and track, with no grade", () => {
    expect(toRagValue("Purple - On Track")).toEqual({ grade: null, track: "on", text: "Purple - On Track" });
  });
});
