import { readFileSync } from "fs";
import { ISSUE_CODES } from "../../src/core/issues";
import { SETTINGS_FIELDS, TEMPLATE } from "../../src/core/template";
import { renderTemplateDoc, TEMPLATE_DOC_PATH } from "../../scripts/gen-template-doc";

describe("docs/tracker-template.md", () => {
  const committed = readFileSync(TEMPLATE_DOC_PATH, "utf8");

  it("is what the generator writes today (run `npx tsx scripts/gen-template-doc.ts` after changing the template)", () => {
    expect(committed).toBe(renderTemplateDoc());
  });

  it("names every sheet, column, setting and issue code", () => {
    for (const s of TEMPLATE) {
      expect(committed).toContain(`### ${s.name}`);
      for (const c of s.columns) expect(committed).toContain(`| ${c.header.replace(/\|/g, "\\|")} |`);
    }
    for (const f of SETTINGS_FIELDS) expect(committed).toContain(`| ${f.header} |`);
    for (const code of Object.keys(ISSUE_CODES)) expect(committed).toContain(`\`${code}\``);
  });

  it("states the percentage rule", () => {
    expect(committed).toContain("A plain number above 1 is a percentage: 3.82 is 3.82%.");
  });
});
