// Where the simulator gets Microsoft's Office.js client from. In the browser preview it is the page's own
// (excel-web-16.00.js, loaded after office.js); under Node, tests/support/office-js.ts loads the same library into
// jsdom and registers it here. Nothing here touches fs, so the simulator can go into the browser bundle.

/** The part of the client library's globals the simulator uses. */
export interface OfficeClient {
  Excel: {
    run(options: unknown, batch: (context: Excel.RequestContext) => Promise<unknown>): PromiseLike<unknown>;
  };
  /** The library's OfficeExtension, whose SessionBase a host's session extends (so events register with it). */
  OfficeExtension?: { SessionBase?: { prototype: object } };
}

type Provider = () => OfficeClient | Promise<OfficeClient>;

let provider: Provider | null = null;

/** Registers where the client comes from (called once, by the test setup or the preview). */
export function setOfficeClient(next: Provider | null): void {
  provider = next;
}

/** The client: the registered one, or the page's when Office.js's Excel library is loaded there. */
export async function officeClient(): Promise<OfficeClient> {
  if (provider) return provider();
  const page = globalThis as unknown as {
    Excel?: { RequestContext?: unknown; run?: unknown };
    OfficeExtension?: OfficeClient["OfficeExtension"];
  };
  if (page.Excel && typeof page.Excel.RequestContext === "function" && typeof page.Excel.run === "function") {
    return { Excel: page.Excel as OfficeClient["Excel"], OfficeExtension: page.OfficeExtension };
  }
  throw new Error(
    "Microsoft's Office.js client is not loaded: under Node, tests/setup.ts registers it (tests/support/office-js.ts); " +
      "in a page, load office.js and excel-web-16.00.js first.",
  );
}
