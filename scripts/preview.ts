// `npm run preview`: serve the built pages and point the user at the preview (the pane over the in-memory Excel).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { serve } from "./static-server";

async function main(): Promise<void> {
  const dist = resolve(__dirname, "..", "dist");
  if (!existsSync(resolve(dist, "preview.html"))) {
    console.error(
      "dist/preview.html is missing: run `npm run build` first (npm run preview does this for you).",
    );
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 3001);
  const server = await serve(dist, port);
  console.log(`Portfolio Summary preview (not connected to Excel): ${server.url}preview.html`);
  console.log("Press Ctrl+C to stop.");
}

void main();
