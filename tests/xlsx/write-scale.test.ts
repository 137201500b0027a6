// The .xlsx renderer at scale: thousands of merges (a slow suite, left out of `npm run test:fast`).
import ExcelJS from "exceljs";
import { writePlanXlsx } from "../../src/xlsx/write";
import { planFixture } from "../support/plan-fixture";

describe("merges", () => {
  it("writes thousands of merges, each read back as its own merged range", async () => {
    const plan = planFixture();
    const sheet = plan.sheets[0];
    const start = sheet.values.length + 2;
    const merges = Array.from({ length: 3000 }, (_, i) => `A${start + i}:C${start + i}`);
    sheet.merges = [...sheet.merges, ...merges];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writePlanXlsx(plan)) as unknown as ArrayBuffer);
    const model = wb.worksheets[0].model as unknown as { merges: string[] };
    expect(model.merges).toEqual(expect.arrayContaining(merges));
    expect(model.merges).toHaveLength(sheet.merges.length);
  });
});
