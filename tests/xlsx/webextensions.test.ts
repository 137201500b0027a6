// The add-in's saved settings are found in the file by the add-in's own Id: it must be the manifest's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADDIN_ID } from "../../src/xlsx/webextensions";

it("the web-extension reader looks for the Id in manifest.xml", () => {
  const manifest = readFileSync(join(__dirname, "..", "..", "manifest.xml"), "utf8");
  expect(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]).toBe(ADDIN_ID);
});
