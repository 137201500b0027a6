// The .xlsx reader's building blocks on their own: the streaming XML scanner (namespaces, comments, CDATA, entities,
// tags split across chunks), ISO date cells, and long runs of text that cross the reader's chunk boundaries.
import { createHash } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsxBuffer, resolveTarget } from "../../src/xlsx/read";
import { isoDateToSerial } from "../../src/xlsx/sheet";
import { XmlScanner, type XmlHandler } from "../../src/xlsx/xml";
import { ZipArchive } from "../../src/xlsx/zip";

const SAMPLE = join(__dirname, "..", "..", "assets", "sample-tracker.xlsx");

/** Everything the scanner reports, as text, fed in pieces of `size` characters. */
function events(xml: string, size: number, capture: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner();
  const handler: XmlHandler = {
    open: (name, ns, attrs, selfClosing) => {
      out.push(`<${name} ns=${ns} [${attrs.trim()}]${selfClosing ? "/" : ""}>`);
      scanner.captureText = capture(name);
    },
    close: (name, ns) => {
      out.push(`</${name} ns=${ns}>`);
      scanner.captureText = false;
    },
    text: (t) => out.push(`"${t}"`),
  };
  scanner.handler = handler;
  for (let i = 0; i < xml.length; i += size) scanner.feed(xml.slice(i, i + size));
  scanner.end();
  return out;
}

describe("the XML scanner", () => {
  const xml =
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY big "boom">]><x:a xmlns:x="urn:main" xmlns="urn:default">' +
    "<!-- a > comment --><x:b q=\"1 > 0\" r='it&apos;s'>A &amp; B &#65;&#x42;&big;</x:b><c/>" +
    "<x:t><![CDATA[<not a tag> & raw]]></x:t></x:a>";

  it("resolves prefixes, skips comments and DOCTYPE without expanding entities, and decodes text", () => {
    expect(events(xml, 1 << 20)).toEqual([
      '<a ns=urn:main [xmlns:x="urn:main" xmlns="urn:default"]>',
      "<b ns=urn:main [q=\"1 > 0\" r='it&apos;s']>",
      '"A & B AB&big;"',
      "</b ns=urn:main>",
      "<c ns=urn:default []/>",
      "</c ns=urn:default>",
      "<t ns=urn:main []>",
      '"<not a tag> & raw"',
      "</t ns=urn:main>",
      "</a ns=urn:main>",
    ]);
  });

  it("gives the same events however the text is cut into chunks", () => {
    const whole = events(xml, 1 << 20);
    for (const size of [1, 2, 3, 7, 13]) expect(events(xml, size).join("")).toEqual(whole.join(""));
  });
});

describe("ISO 8601 date cells", () => {
  it.each([
    ["2025-01-10", 45667],
    ["2025-01-07T18:00:00", 45664.75],
    ["1900-03-01", 61],
    ["1900-02-28", 59],
    ["T12:00:00", 0.5],
  ])("%s is serial %d", (iso, serial) => expect(isoDateToSerial(iso)).toBe(serial));

  it("is null for what is not a date", () => {
    expect(isoDateToSerial("2025-02-30")).toBeNull();
    expect(isoDateToSerial("Dec-24")).toBeNull();
  });
});

describe("relationship targets", () => {
  it("resolve against the source part, or from the root when absolute", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });
});

describe("long runs of text", () => {
  it("read a 2 MB shared string of multi-byte characters exactly, across the reader's 1 MB chunks", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    const long = "é€😀".repeat(250_000) + "end";
    const sst = (await zip.file("xl/sharedStrings.xml")!.async("string")).replace(
      "</sst>",
      `<si><t>${long}</t></si></sst>`,
    );
    const index = (sst.match(/<si>/g) ?? []).length - 1;
    // JSZip cuts strings into UTF-16 pieces (and can split an emoji): give it the UTF-8 bytes.
    zip.file("xl/sharedStrings.xml", Buffer.from(sst, "utf8"));
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")!.async("string")).replace(
      "</sheetData>",
      `<row r="30"><c r="A30" t="s"><v>${index}</v></c></row></sheetData>`,
    );
    zip.file("xl/worksheets/sheet1.xml", sheet);
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const raw = await readXlsxBuffer(bytes, "long.xlsx");
    const cell = raw.sheets[0].values[29][0] as string;
    expect(createHash("sha256").update(cell).digest("hex")).toBe(
      createHash("sha256").update(long).digest("hex"),
    );
  });

  it("come out of the zip in pieces of at most 1 MB: a 64 MB part is never held whole", async () => {
    const zipBytes = (() => {
      const data = Buffer.concat([
        Buffer.from("<a>"),
        Buffer.alloc(64 * 1024 * 1024, 0x20),
        Buffer.from("</a>"),
      ]);
      const z = deflateRawSync(data, { level: 1 });
      const name = Buffer.from("p.xml");
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(8, 8);
      local.writeUInt32LE(z.length, 18);
      local.writeUInt32LE(data.length, 22);
      local.writeUInt16LE(name.length, 26);
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(8, 10);
      central.writeUInt32LE(z.length, 20);
      central.writeUInt32LE(data.length, 24);
      central.writeUInt16LE(name.length, 28);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(1, 8);
      end.writeUInt16LE(1, 10);
      end.writeUInt32LE(46 + name.length, 12);
      end.writeUInt32LE(30 + name.length + z.length, 16);
      return Buffer.concat([local, name, z, central, name, end]);
    })();
    const zip = ZipArchive.open(zipBytes);
    let largest = 0;
    const total = await zip.inflate(zip.get("p.xml")!, 128 * 1024 * 1024, (c) => {
      largest = Math.max(largest, c.length);
    });
    expect(total).toBe(64 * 1024 * 1024 + 7);
    expect(largest).toBeLessThanOrEqual(1024 * 1024);
  });
});
