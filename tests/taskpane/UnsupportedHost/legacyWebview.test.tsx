/** @jest-environment jsdom */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { act, render, screen } from "@testing-library/react";
import "@testing-library/jest-dom";
import { App } from "../../../src/taskpane/App";
import {
  LEGACY_WEBVIEW_MESSAGE,
  LEGACY_WEBVIEW_PATTERN,
  isLegacyWebview,
} from "../../../src/taskpane/legacyWebview";
import { fakeGateway } from "../support/fakeGateway";

const IE11_OFFICE =
  "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; ms-office; MSOffice 16) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const EDGE_CHROMIUM =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91";
const MAC_EXCEL = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)";

describe("old Office webviews", () => {
  test.each([
    ["Internet Explorer 11 (Trident)", IE11_OFFICE, true],
    ["EdgeHTML", EDGE_HTML, true],
    ["Chromium Edge (WebView2)", EDGE_CHROMIUM, false],
    ["Excel for Mac (WebKit)", MAC_EXCEL, false],
  ])("%s is legacy: %s", (_name, ua, legacy) => {
    expect(isLegacyWebview(ua)).toBe(legacy);
  });

  test("in Trident the pane shows the plain Microsoft 365 message instead of the pane", () => {
    const gateway = fakeGateway();
    render(<App gateway={gateway} userAgent={IE11_OFFICE} />);
    expect(screen.getByRole("alert")).toHaveTextContent(LEGACY_WEBVIEW_MESSAGE);
    expect(screen.queryByRole("button", { name: "Refresh summary" })).not.toBeInTheDocument();
  });

  test("in WebView2 the pane itself is shown", async () => {
    render(<App gateway={fakeGateway()} userAgent={EDGE_CHROMIUM} />);
    await act(async () => {});
    expect(screen.getByRole("button", { name: "Refresh summary" })).toBeInTheDocument();
  });
});

describe("the ES5 check in taskpane.html (runs where the bundle cannot)", () => {
  const html = readFileSync(join(__dirname, "../../../src/taskpane/taskpane.html"), "utf8");
  const script = /<script id="legacy-webview-check">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";

  function runCheck(userAgent: string): HTMLElement {
    document.body.innerHTML = '<div id="root"><p>Loading</p></div>';
    Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
    new Function(script)();
    return document.getElementById("root") as HTMLElement;
  }

  test("uses the same pattern as the bundle", () => {
    expect(script).toContain(LEGACY_WEBVIEW_PATTERN.toString());
  });

  test("replaces the pane with the same message in Internet Explorer", () => {
    expect(runCheck(IE11_OFFICE).textContent).toContain(LEGACY_WEBVIEW_MESSAGE);
  });

  test("leaves a modern webview alone", () => {
    expect(runCheck(EDGE_CHROMIUM).textContent).toBe("Loading");
  });

  test("is plain ES5 (no arrow functions, let/const or template strings)", () => {
    expect(script).not.toMatch(/=>|\blet\b|\bconst\b|`/);
  });
});
