// Benchmark part: the add-in's round trips. For the sample tracker and generated larger ones, a refresh through the
// Office.js gateway against the in-memory Excel: syncs (read and write), and the largest request and response.
// Target: at most 5 syncs while the tracker fits one read batch; every request and response under 5 MB.
import { runEngine } from "../src/core/engine";
import { RESPONSE_BUDGET_BYTES } from "../src/excel/blocks";
import { createWorkbookGateway } from "../src/excel/gateway";
import { simWithTracker } from "../tests/excel/sim-workbook";
import { setOfficeClient } from "../tests/support/excel-sim";
import { generateTracker, rowCount } from "../tests/support/generate-tracker";
import { loadOfficeClient } from "../tests/support/office-js";

// Microsoft's Office.js client (in jsdom) sends the requests; the in-memory Excel is the host answering them.
setOfficeClient(loadOfficeClient);

export const TARGET_SYNCS = 5;
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
const NOW = new Date("2025-01-10T09:00:00Z");

async function measure(factor: number) {
  const raw = generateTracker(factor);
  const sim = await simWithTracker(raw);
  const gateway = createWorkbookGateway(sim.run, { runEngine });
  const started = performance.now();
  const outcome = await gateway.refresh({ now: NOW });
  const ms = Math.round(performance.now() - started);
  const requests = sim.requests;
  // The write is the last two syncs of a successful refresh; everything before it is the read.
  const writeSyncs = outcome.ok ? 2 : 0;
  return {
    rows: rowCount(raw),
    cells: raw.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0),
    ok: outcome.ok,
    syncs: outcome.syncs,
    readSyncs: outcome.syncs - writeSyncs,
    writeSyncs,
    largestRequestBytes: Math.max(...requests.map((r) => r.requestBytes)),
    largestResponseBytes: Math.max(...requests.map((r) => r.responseBytes)),
    refreshMs: ms,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const results = { sample: await measure(1), x20: await measure(20), x100: await measure(100) };
  const largest = Math.max(
    ...Object.values(results).flatMap((r) => [r.largestRequestBytes, r.largestResponseBytes]),
  );
  return {
    description:
      "Refresh through the Office.js gateway on the in-memory Excel: context.sync() calls and payload sizes " +
      `(read batches are planned against a ${RESPONSE_BUDGET_BYTES.toLocaleString("en-GB")}-byte budget)`,
    ...results,
    targets: { syncsWhileOneReadBatch: TARGET_SYNCS, payloadUnderBytes: PAYLOAD_LIMIT_BYTES },
    met:
      results.sample.syncs <= TARGET_SYNCS &&
      results.x20.syncs <= TARGET_SYNCS &&
      largest < PAYLOAD_LIMIT_BYTES,
  };
}

if (process.argv[1] && /part-addin\.ts$/.test(process.argv[1])) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}
