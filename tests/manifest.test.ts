// The add-in manifest: valid against Microsoft's offline XSDs, and it declares what the ribbon and the gateway rely on.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

const ROOT = resolve(__dirname, "..");
const SCHEMAS = resolve(ROOT, "..", "shared", "manifest-schemas");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

async function schemaErrors(xml: string, fileName: string): Promise<string[]> {
  const xsds = readdirSync(SCHEMAS)
    .filter((f) => f.endsWith(".xsd"))
    .map((f) => ({ fileName: f, contents: readFileSync(join(SCHEMAS, f), "utf8") }));
  const entry = xsds.find((f) => f.fileName === "OfficeAppManifestV1_1.xsd");
  if (!entry) throw new Error(`OfficeAppManifestV1_1.xsd is missing from ${SCHEMAS}`);
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [entry],
    preload: xsds.filter((f) => f !== entry),
  });
  return result.errors.map((e) => e.message);
}

function attr(xml: string, pattern: RegExp): string[] {
  return [...xml.matchAll(pattern)].map((m) => m[1]);
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest schema", async () => {
    expect(await schemaErrors(manifest, "manifest.xml")).toEqual([]);
  });

  it.each([
    ["bad-order.xml", "elements out of order"],
    ["bad-perm.xml", "an invalid permission"],
  ])("the validator rejects %s (%s), so a broken manifest cannot pass", async (file) => {
    const xml = readFileSync(join(SCHEMAS, "samples", file), "utf8");
    expect((await schemaErrors(xml, file)).length).toBeGreaterThan(0);
  });

  it("is an Excel task pane add-in that may read and write the document and needs ExcelApi 1.12", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Host Name="Workbook"\/>/);
    expect(manifest).toMatch(/<Permissions>ReadWriteDocument<\/Permissions>/);
    expect(attr(manifest, /<Set Name="ExcelApi" MinVersion="([^"]+)"/g)).toEqual(["1.12"]);
    // The 2020 schemas do not know <Runtimes>; the add-in does not need a shared runtime.
    expect(manifest).not.toMatch(/<Runtimes/);
  });

  it("puts Refresh summary (runs without the pane) and Review (opens the pane) on the Home tab", () => {
    const tab = manifest.match(/<OfficeTab id="TabHome">([\s\S]*?)<\/OfficeTab>/)?.[1] ?? "";
    const controls = [...tab.matchAll(/<Control [^>]*>([\s\S]*?)<\/Control>/g)].map((m) => m[1]);
    expect(controls).toHaveLength(2);
    const label = (c: string) => {
      const resid = c.match(/<Label resid="([^"]+)"/)?.[1];
      return manifest.match(new RegExp(`<bt:String id="${resid}" DefaultValue="([^"]+)"`))?.[1];
    };
    expect(controls.map(label)).toEqual(["Refresh summary", "Review"]);
    expect(controls[0]).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>refreshSummary<\/FunctionName>/,
    );
    expect(controls[1]).toMatch(/<Action xsi:type="ShowTaskpane">/);
  });

  it("every resource id used is defined, and every icon it names exists in assets/", () => {
    const used = new Set(attr(manifest, /resid="([^"]+)"/g));
    const defined = new Set(attr(manifest, /<bt:(?:Image|Url|String) id="([^"]+)"/g));
    expect([...used].filter((id) => !defined.has(id))).toEqual([]);
    const icons = attr(manifest, /"https:\/\/localhost:3000\/(assets\/[^"]+)"/g);
    expect(icons.length).toBeGreaterThanOrEqual(4);
    for (const icon of icons) expect(existsSync(join(ROOT, icon))).toBe(true);
    expect(attr(manifest, /<bt:Image size="(\d+)"/g).sort()).toEqual(
      expect.arrayContaining(["16", "32", "80"]),
    );
  });

  it("names its own web addresses only under https://localhost:3000/, the one prefix the build replaces", () => {
    const urls = attr(manifest, /DefaultValue="(https?:\/\/[^"]+)"/g);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/")).toBe(true);
  });
});
