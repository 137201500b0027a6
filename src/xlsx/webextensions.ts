// The settings an Office add-in saved in the workbook (Office.context.document.settings, Excel's
// workbook.settings), read from the file as Office stores them: the package root relates a task-pane list
// (xl/webextensions/taskpanes.xml, relationship type .../2011/relationships/webextensiontaskpanes), which relates
// one web-extension part per add-in (xl/webextensions/webextension1.xml, type .../2011/relationships/webextension).
// Each web extension names its add-in in <we:reference id="..."> (the manifest's Id for a side-loaded or
// centrally deployed add-in) and keeps each setting as <we:property name="key" value="JSON text"/> ([MS-OWEXML]).
import { SAVED_MAPPING_KEY, SAVED_SETTINGS_KEY } from "../core/engine-api";
import { attr } from "./xml";

/** The Id in manifest.xml: Office keys an add-in's saved settings by it (tests check the two agree). */
export const ADDIN_ID = "6f0d3c52-8a5e-4b7e-9d1c-2b4f7a9e3c18";

const WEB_EXTENSION_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";

interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

interface Elements {
  elements(part: string): Promise<{ name: string; ns: string; attrs: string }[]>;
  relationships(part: string): Promise<Relationship[]>;
  readonly zip: { entries: { name: string }[] };
}

interface WebExtension {
  referenceId: string;
  properties: Record<string, unknown>;
}

const OUR_KEYS = [SAVED_MAPPING_KEY, SAVED_SETTINGS_KEY];

function normaliseId(id: string): string {
  return id.replace(/[{}]/g, "").trim().toLowerCase();
}

async function readWebExtension(pkg: Elements, part: string): Promise<WebExtension> {
  const ext: WebExtension = { referenceId: "", properties: {} };
  for (const el of await pkg.elements(part)) {
    if (el.ns !== WEB_EXTENSION_NS) continue;
    if (el.name === "reference" && ext.referenceId === "") ext.referenceId = attr(el.attrs, "id") ?? "";
    else if (el.name === "property") {
      const name = attr(el.attrs, "name");
      const value = attr(el.attrs, "value");
      if (name === null || value === null) continue;
      // Office writes each setting as JSON; a value that is not JSON is kept as the text it is.
      try {
        ext.properties[name] = JSON.parse(value) as unknown;
      } catch {
        ext.properties[name] = value;
      }
    }
  }
  return ext;
}

/**
 * This add-in's saved settings (the column mapping, the pane's thresholds), or null when the workbook has none.
 * The add-in is recognised by its manifest Id, or failing that (an add-in installed from another catalogue gets
 * another reference) by the keys only it writes.
 */
export async function readWebExtensionSettings(
  pkg: Elements,
  rootRels: Relationship[],
): Promise<Record<string, unknown> | null> {
  const parts: string[] = [];
  for (const r of rootRels) {
    if (r.type !== "webextensiontaskpanes" || r.external) continue;
    for (const w of await pkg.relationships(r.target))
      if (w.type === "webextension" && !w.external) parts.push(w.target);
  }
  // Web extensions not listed as task panes (a content add-in, or a writer that left the list out) still count.
  for (const e of pkg.zip.entries)
    if (
      /^xl\/webextensions\/webextension\d*\.xml$/i.test(e.name) &&
      !parts.some((p) => p.toLowerCase() === e.name.toLowerCase())
    )
      parts.push(e.name);
  if (parts.length === 0) return null;
  const extensions = await Promise.all(parts.map((p) => readWebExtension(pkg, p)));
  const ours =
    extensions.find((x) => normaliseId(x.referenceId) === ADDIN_ID) ??
    extensions.find((x) => OUR_KEYS.some((k) => k in x.properties));
  return ours && Object.keys(ours.properties).length > 0 ? ours.properties : null;
}
