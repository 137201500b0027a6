// Shown instead of the pane in the old Office webviews (Trident, EdgeHTML) that cannot run it.
import { LEGACY_WEBVIEW_MESSAGE } from "../legacyWebview";

export function UnsupportedHost() {
  return (
    <main style={{ padding: "12px", fontFamily: "Segoe UI, sans-serif", fontSize: "14px", lineHeight: 1.4 }}>
      <h1 style={{ fontSize: "18px", margin: "0 0 8px" }}>Portfolio Summary</h1>
      <p role="alert">{LEGACY_WEBVIEW_MESSAGE}</p>
    </main>
  );
}
