// A streaming XML scanner for the parts of an .xlsx: fed text chunk by chunk, it reports elements (local name,
// resolved namespace, raw attributes) and, only while asked, the text inside them. Prefixed namespaces
// (<x:worksheet>) resolve like default ones; comments, processing instructions and DOCTYPE are skipped (entities
// are never expanded, so an entity bomb is inert). Built for speed on sheets of a million empty rows.

export interface XmlHandler {
  /** An opening (or self-closing) tag. `attrs` is the raw text between the name and the end of the tag. */
  open(name: string, ns: string, attrs: string, selfClosing: boolean): void;
  close(name: string, ns: string): void;
  /** The decoded text since the last tag, delivered at the next tag while `captureText` is on. */
  text(value: string): void;
}

/** Thrown when the XML cannot be read; the reader turns it into a sentence for the user. */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XmlError";
  }
}

/** A tag or text longer than this is not something a spreadsheet writes: the part is treated as damaged. */
const MAX_PENDING = 64 * 1024 * 1024;

const XML_NS = "http://www.w3.org/XML/1998/namespace";

interface Scope {
  depth: number;
  prefix: string;
  previous: string | undefined;
}

export class XmlScanner {
  /** Turn on (from `open`) to receive the text of the current element; turn off when done. */
  captureText = false;
  private rest = "";
  private textParts: string[] = [];
  private textLength = 0;
  private readonly prefixes = new Map<string, string>([["xml", XML_NS]]);
  private readonly scopes: Scope[] = [];
  private depth = 0;

  /**
   * While set, an unprefixed self-closing <row .../> (in the default namespace) goes here, with its attributes,
   * instead of to open and close: the sheet reader's fast path for empty rows.
   */
  emptyRow: ((attrs: string) => void) | null = null;

  /** The default namespace in scope. */
  get defaultNamespace(): string {
    return this.defaultNs;
  }

  /** Set before the first chunk is fed (it may need the scanner, to switch text capture on and off). */
  handler: XmlHandler = { open() {}, close() {}, text() {} };

  constructor(handler?: XmlHandler) {
    if (handler) this.handler = handler;
  }

  feed(chunk: string): void {
    const buf = this.rest.length > 0 ? this.rest + chunk : chunk;
    this.rest = "";
    const n = buf.length;
    let pos = 0;
    while (pos < n) {
      const lt = buf.indexOf("<", pos);
      if (lt < 0) {
        if (this.captureText) this.keepText(buf.slice(pos));
        return;
      }
      if (lt > pos && this.captureText) this.keepText(buf.slice(pos, lt));
      if (lt + 1 >= n) {
        this.pend(buf.slice(lt));
        return;
      }
      const c1 = buf.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (buf.startsWith("<!--", lt)) {
          const end = buf.indexOf("-->", lt + 4);
          if (end < 0) return this.pend(buf.slice(lt));
          pos = end + 3;
        } else if (buf.startsWith("<![CDATA[", lt)) {
          const end = buf.indexOf("]]>", lt + 9);
          if (end < 0) return this.pend(buf.slice(lt));
          if (this.captureText) this.keepText(buf.slice(lt + 9, end), true);
          pos = end + 3;
        } else if (lt + 9 > n) {
          return this.pend(buf.slice(lt));
        } else {
          // <!DOCTYPE ...> possibly with an internal subset in brackets: skipped whole, never expanded.
          const end = this.doctypeEnd(buf, lt + 2);
          if (end < 0) return this.pend(buf.slice(lt));
          pos = end + 1;
        }
        continue;
      }
      if (c1 === 63 /* ? */) {
        const end = buf.indexOf("?>", lt + 2);
        if (end < 0) return this.pend(buf.slice(lt));
        pos = end + 2;
        continue;
      }
      // Runs of empty rows (a sheet formatted to row 1,048,576): a self-closing <row .../> is handed over whole,
      // past the general path. Row attributes are numbers and flags by the schema, so its first ">" ends it.
      if (
        this.emptyRow !== null &&
        c1 === 114 /* r */ &&
        buf.charCodeAt(lt + 2) === 111 /* o */ &&
        buf.charCodeAt(lt + 3) === 119 /* w */ &&
        isSpace(buf.charCodeAt(lt + 4))
      ) {
        const end = buf.indexOf(">", lt + 4);
        if (end < 0) return this.pend(buf.slice(lt));
        if (buf.charCodeAt(end - 1) === 47) {
          const attrs = buf.slice(lt + 4, end - 1);
          if (!attrs.includes("xmlns")) {
            if (this.textParts.length > 0) this.flushText();
            this.emptyRow(attrs);
            pos = end + 1;
            continue;
          }
        }
      }
      const gt = tagEnd(buf, lt + 1, n);
      if (gt < 0) return this.pend(buf.slice(lt));
      if (this.textParts.length > 0) this.flushText();
      if (c1 === 47 /* / */) {
        let e = gt;
        while (e > lt + 2 && isSpace(buf.charCodeAt(e - 1))) e--;
        this.closeTag(buf.slice(lt + 2, e));
      } else {
        let e = lt + 1;
        while (e < gt) {
          const c = buf.charCodeAt(e);
          if (c === 47 || isSpace(c)) break;
          e++;
        }
        const selfClosing = buf.charCodeAt(gt - 1) === 47;
        const qname = buf.slice(lt + 1, e);
        const attrs = e < gt ? buf.slice(e, selfClosing ? gt - 1 : gt) : "";
        this.openTag(qname, attrs, selfClosing);
      }
      pos = gt + 1;
    }
  }

  /** Call after the last chunk: anything left unread means the part was cut short. */
  end(): void {
    if (this.rest.trim() !== "") throw new XmlError("the XML ends inside a tag");
    if (this.textParts.length > 0) this.flushText();
  }

  private pend(s: string): void {
    if (s.length > MAX_PENDING) throw new XmlError("a tag is too long");
    this.rest = s;
  }

  private keepText(s: string, raw = false): void {
    this.textLength += s.length;
    if (this.textLength > MAX_PENDING) throw new XmlError("a text is too long");
    this.textParts.push(raw ? escapeCdata(s) : s);
  }

  private flushText(): void {
    const raw = this.textParts.length === 1 ? this.textParts[0] : this.textParts.join("");
    this.textParts = [];
    this.textLength = 0;
    if (this.captureText) this.handler.text(decodeXml(raw));
  }

  private doctypeEnd(buf: string, from: number): number {
    let bracket = 0;
    for (let i = from; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === 91) bracket++;
      else if (c === 93) bracket--;
      else if (c === 62 && bracket <= 0) return i;
    }
    return -1;
  }

  /** The default namespace in scope, kept apart from the map: nearly every element uses it. */
  private defaultNs = "";

  private resolve(prefix: string): string {
    if (prefix === "") return this.defaultNs;
    return this.prefixes.get(prefix) ?? "";
  }

  private openTag(qname: string, attrs: string, selfClosing: boolean): void {
    this.depth++;
    const declares = attrs.length > 0 && attrs.includes("xmlns");
    if (declares) {
      for (const [name, value] of parseAttributes(attrs)) {
        if (name === "xmlns" || name.startsWith("xmlns:")) {
          const prefix = name === "xmlns" ? "" : name.slice(6);
          this.scopes.push({ depth: this.depth, prefix, previous: this.prefixes.get(prefix) });
          this.prefixes.set(prefix, value);
          if (prefix === "") this.defaultNs = value;
        }
      }
    }
    const colon = qname.indexOf(":");
    const name = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = this.resolve(colon < 0 ? "" : qname.slice(0, colon));
    this.handler.open(name, ns, attrs, selfClosing);
    if (selfClosing) {
      this.handler.close(name, ns);
      this.leave();
    }
  }

  private closeTag(qname: string): void {
    const colon = qname.indexOf(":");
    const name = colon < 0 ? qname : qname.slice(colon + 1);
    const ns = this.resolve(colon < 0 ? "" : qname.slice(0, colon));
    this.handler.close(name, ns);
    this.leave();
  }

  private leave(): void {
    while (this.scopes.length > 0 && this.scopes[this.scopes.length - 1].depth === this.depth) {
      const s = this.scopes.pop()!;
      if (s.previous === undefined) this.prefixes.delete(s.prefix);
      else this.prefixes.set(s.prefix, s.previous);
      if (s.prefix === "") this.defaultNs = s.previous ?? "";
    }
    this.depth--;
  }

  /** The namespace a prefix stands for at this point (for prefixed attributes such as r:id). */
  namespaceOf(prefix: string): string {
    return this.resolve(prefix);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The index of the ">" that ends the tag starting before `from`, skipping quoted attribute values. */
function tagEnd(buf: string, from: number, n: number): number {
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = buf.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/** CDATA text is literal: escape its ampersands so the one decoding pass leaves it as it was. */
function escapeCdata(s: string): string {
  return s.includes("&") ? s.replace(/&/g, "&amp;") : s;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references; anything else is left as written. */
function decodeXml(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (_m, e: string) => {
    if (e.charCodeAt(0) !== 35) return NAMED[e];
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

const ATTRIBUTE = /([^\s=/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** All attributes of a tag as [qualified name, decoded value] pairs. */
export function parseAttributes(attrs: string): [string, string][] {
  const out: [string, string][] = [];
  ATTRIBUTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTRIBUTE.exec(attrs)) !== null) out.push([m[1], decodeXml(m[2] ?? m[3] ?? "")]);
  return out;
}

/**
 * One unprefixed attribute's decoded value, or null. Fast path for the hot loop: `name="` searched directly,
 * checked to start an attribute (not the end of "xr:uid" when looking for "id").
 */
export function attr(attrs: string, name: string): string | null {
  let from = 0;
  for (;;) {
    const i = attrs.indexOf(name, from);
    if (i < 0) return null;
    const before = i === 0 ? 32 : attrs.charCodeAt(i - 1);
    let j = i + name.length;
    while (isSpace(attrs.charCodeAt(j))) j++;
    if (isSpace(before) && attrs.charCodeAt(j) === 61 /* = */) {
      j++;
      while (isSpace(attrs.charCodeAt(j))) j++;
      const q = attrs.charCodeAt(j);
      if (q === 34 || q === 39) {
        const end = attrs.indexOf(q === 34 ? '"' : "'", j + 1);
        if (end < 0) return null;
        return decodeXml(attrs.slice(j + 1, end));
      }
    }
    from = i + name.length;
  }
}
