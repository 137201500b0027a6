// Page breaks: blocks packed onto pages, headings kept with their block, tables cut only when taller than a page.
import { fitToWidthScale, pageContentHeight, paginate } from "../../src/layout/pagination";

/** Every row 15 points tall (20 pixels: no rounding), on pages holding ten rows. */
const rowHeight = () => 15;
const PAGE = 150;

describe("packing blocks onto printed pages", () => {
  it("puts blocks on one page while they fit and breaks before the first that does not", () => {
    // Three blocks of four rows on pages of ten rows: two fit, the third starts page 2 (break after row 8).
    expect(paginate([{ first: 1 }, { first: 5 }, { first: 9 }], 12, rowHeight, PAGE)).toEqual([8]);
  });

  it("never breaks when everything fits on one page", () => {
    expect(paginate([{ first: 1 }, { first: 3 }], 6, rowHeight, PAGE)).toEqual([]);
  });

  it("carries a heading over to the next page with the table it heads", () => {
    // Rows 1-6 a section, row 7 a heading, rows 8-12 its table: the table does not fit, so the heading goes too.
    const blocks = [{ first: 1 }, { first: 7, keepWithNext: true }, { first: 8, splittable: true }];
    expect(paginate(blocks, 12, rowHeight, PAGE)).toEqual([6]);
  });

  it("moves a table that fits a page whole to the next page rather than cutting it", () => {
    const blocks = [{ first: 1 }, { first: 7, splittable: true }];
    expect(paginate(blocks, 15, rowHeight, PAGE)).toEqual([6]);
  });

  it("cuts a table taller than a page between rows, filling each page", () => {
    // 25 rows on pages of ten: breaks after rows 10 and 20.
    expect(paginate([{ first: 1, splittable: true }], 25, rowHeight, PAGE)).toEqual([10, 20]);
  });

  it("does not leave a page holding nothing but a heading", () => {
    // A heading then a 15-row chart band that no page holds: they stay together and the band flows on.
    const blocks = [{ first: 1, keepWithNext: true }, { first: 2 }];
    expect(paginate(blocks, 16, rowHeight, PAGE)).toEqual([]);
  });
});

describe("the page's printable height", () => {
  const page = {
    orientation: "landscape" as const,
    margins: { left: 0.4, right: 0.4, top: 0.45, bottom: 0.55 },
    repeatedRowsHeight: 46,
  };

  it("is the full A4 height when twelve columns of 12.5 fit the paper at 100%", () => {
    const geometry = { ...page, columnWidths: Array<number>(12).fill(12.5) };
    expect(fitToWidthScale(geometry)).toBe(1);
    // 595 points of paper less 72 of margins, a 2% allowance for rounding, less the title rows.
    expect(Math.round(pageContentHeight(geometry))).toBe(467);
  });

  it("grows as wider columns make Excel shrink the page to fit: 12 columns of 14 print at 88%", () => {
    const geometry = { ...page, columnWidths: Array<number>(12).fill(14) };
    expect(fitToWidthScale(geometry)).toBe(0.88);
    expect(Math.round(pageContentHeight(geometry))).toBe(537);
  });
});
