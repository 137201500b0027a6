import {
  closestHeader,
  editDistance,
  headerIndex,
  normaliseHeader,
  similarity,
} from "../../../src/core/parse";
import { sheetSpec, TEMPLATE } from "../../../src/core/template";

describe("header normalising", () => {
  it("ignores case, spacing and punctuation", () => {
    expect(normaliseHeader("  Funded   EHCPs ")).toBe(normaliseHeader("funded ehcps"));
    expect(normaliseHeader("Risk-Owner:")).toBe(normaliseHeader("risk owner"));
  });

  it('keeps "%" and "#" meaningful: "% placed in INMSS" is not "# placed in INMSS"', () => {
    expect(normaliseHeader("% placed in INMSS")).toBe("percent placed in inmss");
    expect(normaliseHeader("# placed in INMSS")).toBe("number placed in inmss");
  });

  it('keeps bracketed ranges: "Impact" is not "Impact (1-5)"', () => {
    expect(normaliseHeader("Impact")).not.toBe(normaliseHeader("Impact (1-5)"));
  });
});

describe("matching headers to the template", () => {
  const risks = headerIndex(sheetSpec("risks").columns);
  const monthly = headerIndex(sheetSpec("monthly").columns);

  it("on the risk register, Impact is the consequence and Impact (1-5) the score", () => {
    expect(risks.get(normaliseHeader("Impact"))?.field).toBe("consequence");
    expect(risks.get(normaliseHeader("IMPACT (1-5)"))?.field).toBe("impact");
  });

  it("on SEND Monthly, # placed in INMSS is the count and % placed in INMSS the typed share", () => {
    expect(monthly.get(normaliseHeader("# placed in INMSS"))?.field).toBe("placedInInmss");
    expect(monthly.get(normaliseHeader("% placed in INMSS"))?.field).toBe("typedInmssShare");
  });

  it("an alias matches but is marked as not the template header", () => {
    expect(monthly.get(normaliseHeader("# funded EHCPs"))).toEqual({ field: "fundedEhcps", exact: false });
    expect(monthly.get(normaliseHeader("Funded EHCPs"))).toEqual({ field: "fundedEhcps", exact: true });
  });

  it("no header or alias belongs to two columns of the same template sheet", () => {
    for (const sheet of TEMPLATE) {
      const owner = new Map<string, string>();
      for (const c of sheet.columns) {
        for (const name of [c.header, ...c.aliases].map(normaliseHeader)) {
          expect(`${sheet.name}: ${name} -> ${owner.get(name) ?? c.field}`).toBe(
            `${sheet.name}: ${name} -> ${c.field}`,
          );
          owner.set(name, c.field);
        }
      }
    }
  });
});

describe("closest header", () => {
  it("suggests the sheet's misspelt header for a missing column", () => {
    expect(closestHeader(["Funded EHCPs", "EHCPs"], ["Date", "Fundd EHCP", "Notes"])).toBe("Fundd EHCP");
  });

  it("suggests nothing when nothing is alike", () => {
    expect(closestHeader(["Likelihood (1-5)"], ["Date", "Notes"])).toBeNull();
  });

  it("edit distance and similarity behave", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(similarity("Risk owner", "risk-owner")).toBe(1);
    expect(similarity("EHCPs funded", "Funded EHCPs")).toBeGreaterThan(0.6);
    expect(similarity("abc", "")).toBe(0);
  });
});
